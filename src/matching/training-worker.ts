import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from '../knowledge/content-loader';
import { LinearClassifier } from './linear-classifier';
import { trainingExamples } from './training-set';

/**
 * Runs in a worker thread (background-training.ts): trains the classifier on the content while
 * the main thread loads the bot's modules, and sends the weights back without copying them.
 */
const { contentDir } = workerData as { contentDir: string };
const weights = new LinearClassifier(trainingExamples(loadKnowledgeBase(contentDir))).trained();
parentPort?.postMessage(weights, [weights.weights.buffer, weights.bias.buffer] as ArrayBuffer[]);
