const { loadKnowledgeBase } = require('../dist/src/knowledge/content-loader');
const { trainingExamples } = require('../dist/src/knowledge/training-set');
const { Speller } = require('../dist/src/knowledge/speller');
const kb = loadKnowledgeBase('content');
const examples = trainingExamples(kb);
const inScope = (lang) => examples.filter((e) => e.lang === lang && e.label !== 'none').map((e) => e.text);
const sp = new Speller({ en: inScope('en'), fr: inScope('fr'), outOfScope: examples.filter((e) => e.label === 'none').map((e) => e.text), offTopic: [...kb.intents.examOffTopic, ...(kb.intents.offTopic??[])] });
const [lang, ...words] = process.argv.slice(2).join(' ').split(/\s+/);
const out=[];
for (const w of words) { const c = sp.correct(w, lang==='-'?undefined:lang); if (c!==w) out.push(`${w}->${c}`); }
console.log(out.join('  '));
