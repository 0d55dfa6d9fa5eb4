const { loadKnowledgeBase } = require('../dist/src/knowledge/content-loader');
const { trainingExamples } = require('../dist/src/knowledge/training-set');
const { tokenize } = require('../dist/src/knowledge/text-normalizer');
const kb = loadKnowledgeBase('content');
for (const w of process.argv.slice(2)) for (const e of trainingExamples(kb)) if (tokenize(e.text).includes(w)) console.log(w, e.lang, e.source, e.label, '|', e.text.slice(0,90));
