process.env.RECHECK_BACKEND = process.argv[2] || 'pure';
const { checkSync } = require('recheck');
const t=Date.now();
for (const [src,f] of [['\\p{L}*[àâçéèêëîïôûùüÿœæ]\\p{L}*','giu'], ['<\\/?[a-z][^>]*>','gi'], ['^a+$',''], ['(a+)+$','']]) {
  const r = checkSync(src, f, {timeout: 10000});
  console.log(src, r.status, r.complexity && r.complexity.type, r.attack && r.attack.pattern);
}
console.log(Date.now()-t,'ms');
