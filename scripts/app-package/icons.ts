import { PNG } from 'pngjs';

export type IconKind = 'color' | 'outline';

const SIZES: Record<IconKind, number> = { color: 192, outline: 32 };

/** Teams' icon rules: color 192×192; outline 32×32, white on a transparent background. */
export function checkIcon(file: string, png: Buffer, kind: IconKind): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (error) {
    return [`${file}: not a readable PNG (${(error as Error).message})`];
  }
  const size = SIZES[kind];
  if (image.width !== size || image.height !== size) {
    return [`${file}: the ${kind} icon must be ${size}x${size} pixels, it is ${image.width}x${image.height}`];
  }
  if (kind === 'color') return [];

  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = image.data.subarray(i, i + 4);
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${file}: the outline icon must have a transparent background`);
  if (coloured > 0) problems.push(`${file}: the outline icon must be white only; ${coloured} visible pixels are not white`);
  return problems;
}
