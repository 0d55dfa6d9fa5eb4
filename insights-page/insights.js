'use strict';
// The Insights page: fetches /api/insights (with the Teams token inside Teams) and draws each part
// as a chart with the same figures in a table beside it. Text comes from the server (src/i18n).
(() => {
  const data = JSON.parse(document.getElementById('page-data').textContent);
  const S = data.strings;
  const locale = data.lang === 'fr' ? 'fr-FR' : 'en-US';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const fill = (text, n) => text.replace('{n}', String(n));
  /** A `YYYY-MM-DD` UTC day as the reader writes it ("Nov 3", "3 nov."). */
  const dayName = (date) => dayFormat.format(new Date(`${date}T00:00:00Z`));
  const COLORS = ['#3b5ba9', '#b45309', '#2f7d4f', '#a3286f', '#5b3fa6'];
  let charts = [];

  const fmt = {
    count: (n) => number.format(n),
    rate: (r) => (r === null ? null : percent.format(r)),
    hours: (h) => (h === null ? null : number.format(h)),
  };

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of [].concat(children)) node.append(child);
    return node;
  }

  /** A cell; a missing figure shows a dash, read out as "no data". */
  const cell = (tag, value) => (value === null ? el(tag, {}, el('abbr', { title: S.noData }, '—')) : el(tag, {}, String(value)));

  function table(name, caption, headers, rows) {
    const head = el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)));
    const body = rows.map((row) => el('tr', {}, row.map((value, i) => (i === 0 ? cell('th', value) : cell('td', value)))));
    body.forEach((tr) => tr.firstChild.setAttribute('scope', 'row'));
    return el('table', { 'data-table': name }, [el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body)]);
  }

  /** A heading, the chart (an image for screen readers, described by its table) and the table behind "Show as a table". */
  function chartSection(id, heading, config, tableNode) {
    const section = document.getElementById(id);
    section.replaceChildren();
    section.setAttribute('aria-labelledby', `${id}-heading`);
    const canvas = el('canvas', { role: 'img', 'aria-label': heading, 'data-chart': id });
    section.append(el('h2', { id: `${id}-heading` }, heading), el('div', { class: 'chart-box' }, canvas));
    section.append(el('details', {}, [el('summary', {}, S.showTable), tableNode]));
    config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
    charts.push(new window.Chart(canvas, config));
  }

  const dataset = (label, values, i, extra = {}) => ({ label, data: values, backgroundColor: COLORS[i], borderColor: COLORS[i], ...extra });

  function days(report) {
    const byDate = new Map();
    for (const p of report.daily) {
      const empty = { date: p.date, en: 0, fr: 0, sessions: 0, answered: 0, didYouMean: 0, fallback: 0, resolved: 0, rated: 0 };
      const d = byDate.get(p.date) ?? empty;
      d[p.lang] += p.questions;
      d.sessions += p.sessions;
      d.answered += p.answered;
      d.didYouMean += p.didYouMean;
      d.fallback += p.fallback;
      // Each language's rate is over its own sessions: weighted by them, the day's rate is exact.
      if (p.resolutionRate !== null) (d.resolved += p.resolutionRate * p.sessions), (d.rated += p.sessions);
      byDate.set(p.date, d);
    }
    return [...byDate.values()].map((d) => ({ ...d, rate: d.rated > 0 ? d.resolved / d.rated : null }));
  }

  function drawKpis(report) {
    const t = report.totals;
    const sat = report.satisfaction.average;
    const kpis = [
      [S.kpiQuestions, fmt.count(t.questions)],
      [S.kpiSessions, fmt.count(t.sessions)],
      [S.kpiResolution, fmt.rate(t.selfServiceResolutionRate)],
      [S.kpiEscalation, fmt.rate(t.escalationRate)],
      [S.kpiSatisfaction, sat === null ? null : `${number.format(sat)} / 5`],
    ];
    document.getElementById('kpi-heading').textContent = S.kpiHeading;
    const tiles = kpis.map(([label, value]) => el('div', { 'data-kpi': label }, [el('dt', {}, label), cell('dd', value)]));
    document.getElementById('kpis').replaceChildren(...tiles);
  }

  function drawTrend(report) {
    const rows = days(report);
    const labels = rows.map((d) => dayName(d.date));
    chartSection('trend', S.trendHeading, {
      data: {
        labels,
        datasets: [
          // The line first (lowest order is drawn on top), so bars never hide it.
          dataset(S.resolutionRate, rows.map((d) => d.rate), 2, { type: 'line', yAxisID: 'rate', spanGaps: true, order: 0 }),
          dataset(S.questionsEn, rows.map((d) => d.en), 0, { type: 'bar', stack: 'q', yAxisID: 'y', order: 1 }),
          dataset(S.questionsFr, rows.map((d) => d.fr), 4, { type: 'bar', stack: 'q', yAxisID: 'y', order: 1 }),
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, stacked: true },
          rate: { position: 'right', min: 0, max: 1, ticks: { callback: (v) => percent.format(v) } },
        },
      },
    }, table('trend', S.trendHeading,
      [S.day, S.questionsEn, S.questionsFr, S.sessions, S.answered, S.didYouMean, S.fallback, S.resolutionRate],
      rows.map((d) => [
        dayName(d.date), ...[d.en, d.fr, d.sessions, d.answered, d.didYouMean, d.fallback].map((n) => fmt.count(n)), fmt.rate(d.rate),
      ])));
  }

  function drawTopics(report) {
    const topics = report.perTopic;
    const title = (t) => data.names.topics[t.topic] ?? t.title;
    const top = topics.slice(0, 10);
    chartSection('topics', S.topicsHeading, {
      type: 'bar',
      data: {
        labels: top.map(title),
        datasets: [
          dataset(S.answers, top.map((t) => t.answers), 0),
          dataset(S.helpful, top.map((t) => t.helpful), 2),
          dataset(S.notHelpful, top.map((t) => t.notHelpful), 1),
          dataset(S.escalationsAfter, top.map((t) => t.escalationsAfter), 3),
        ],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } },
    }, table('topics', S.topicsHeading, [S.topic, S.answers, S.helpful, S.notHelpful, S.escalationsAfter],
      topics.map((t) => [title(t), fmt.count(t.answers), fmt.count(t.helpful), fmt.count(t.notHelpful), fmt.count(t.escalationsAfter)])));
  }

  function drawQueues(report) {
    const queues = report.perQueue;
    const name = (q) => data.names.queues[q.queue] ?? q.queue;
    const breaches = ({ breaches: { count, targetHours } }) =>
      (targetHours === null ? fmt.count(count) : `${fmt.count(count)} (${fill(S.target, number.format(targetHours))})`);
    chartSection('queues', S.queuesHeading, {
      type: 'bar',
      data: {
        labels: queues.map(name),
        datasets: [
          dataset(S.firstMedian, queues.map((q) => q.firstResponse.median), 0),
          dataset(S.firstP90, queues.map((q) => q.firstResponse.p90), 4),
          dataset(S.resolutionMedian, queues.map((q) => q.resolution.median), 2),
          dataset(S.resolutionP90, queues.map((q) => q.resolution.p90), 1),
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: S.hours } } } },
    }, table('queues', S.queuesHeading, [S.queue, S.opened, S.firstMedian, S.firstP90, S.resolutionMedian, S.resolutionP90, S.breaches],
      queues.map((q) => [name(q), fmt.count(q.opened), fmt.hours(q.firstResponse.median), fmt.hours(q.firstResponse.p90),
        fmt.hours(q.resolution.median), fmt.hours(q.resolution.p90), breaches(q)])));
  }

  function drawSatisfaction(report) {
    const sat = report.satisfaction;
    const labels = sat.distribution.map((_, i) => fill(S.stars, i + 1));
    chartSection('satisfaction', S.satisfactionHeading, {
      type: 'bar',
      data: { labels, datasets: [dataset(S.ratings, [...sat.distribution], 0)] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, table('satisfaction', S.satisfactionHeading, [S.rating, S.ratings],
      labels.map((label, i) => [label, fmt.count(sat.distribution[i])])));
    const section = document.getElementById('satisfaction');
    section.append(el('p', { 'data-average': '' }, sat.average === null ? S.noRatings : fill(S.averageOf, number.format(sat.average))));
    section.append(el('h3', {}, S.commentsHeading));
    const comments = sat.comments.map((c) => el('li', { lang: c.lang }, `${fill(S.stars, c.rating)} · ${dayName(c.date)} · ${c.text}`));
    section.append(comments.length ? el('ul', {}, comments) : el('p', {}, S.noComments));
  }

  function drawUnanswered(report) {
    const section = document.getElementById('unanswered');
    const groups = report.unansweredGroups.map((g) => el('li', { 'data-group': String(g.count) }, [
      el('strong', {}, fill(S.groupCount, fmt.count(g.count))),
      ` (${g.langs.map((l) => S.languages[l]).join(', ')})`,
      el('ul', {}, g.examples.map((text) => el('li', {}, text))),
    ]));
    const list = groups.length ? el('ol', { id: 'groups' }, groups) : el('p', {}, S.noGroups);
    section.replaceChildren(el('h2', {}, S.unansweredHeading), list);
  }

  /** Inside Teams the page asks Teams for the signed-in person's token; on this machine it needs none. */
  let teamsReady;
  async function authHeaders() {
    if (window.parent === window || !window.microsoftTeams) return {};
    // Once per page; each load asks for the token again (Teams caches it and renews it when it expires).
    teamsReady ??= window.microsoftTeams.app.initialize();
    await teamsReady;
    return { authorization: `Bearer ${await window.microsoftTeams.authentication.getAuthToken()}` };
  }

  function showStatus(text, state) {
    document.getElementById('status').textContent = text;
    document.body.dataset.state = state;
    // Figures of another period must not stay on screen under an error.
    if (state === 'error') document.getElementById('report').hidden = true;
  }

  async function load(period) {
    showStatus(S.loading, 'loading');
    let response;
    try {
      response = await fetch(`/api/insights?days=${period}`, { headers: await authHeaders(), cache: 'no-store' });
    } catch {
      return showStatus(S.unauthorized, 'error');
    }
    if (response.status === 401) return showStatus(S.unauthorized, 'error');
    if (response.status === 403) return showStatus(S.forbidden, 'error');
    if (!response.ok) return showStatus(S.failed, 'error');
    const report = await response.json();
    charts.forEach((chart) => chart.destroy());
    charts = [];
    document.getElementById('report').hidden = false;
    [drawKpis, drawTrend, drawTopics, drawQueues, drawSatisfaction, drawUnanswered].forEach((draw) => draw(report));
    showStatus('', 'ready');
  }

  function start() {
    document.getElementById('title').textContent = S.title;
    document.getElementById('subtitle').textContent = S.subtitle;
    document.getElementById('period-label').textContent = S.period;
    window.Chart.defaults.color = '#1f1f1f';
    window.Chart.defaults.font.family = '"Segoe UI", system-ui, sans-serif';
    const asked = Number(new URLSearchParams(location.search).get('days'));
    const initial = Number.isInteger(asked) && asked >= data.days.min && asked <= data.days.max ? asked : data.days.default;
    const select = document.getElementById('period');
    const choices = [...new Set([7, data.days.default, data.days.max, initial])].sort((a, b) => a - b);
    select.replaceChildren(...choices.map((n) => el('option', { value: String(n) }, fill(S.lastDays, n))));
    select.value = String(initial);
    select.addEventListener('change', () => void load(Number(select.value)));
    void load(initial);
  }

  start();
})();
