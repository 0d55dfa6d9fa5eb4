// Moved to test/helpers/log-capture.ts; this path stays until the branches written before the move are in.
export { capturedLogger } from '../helpers/log-capture';
