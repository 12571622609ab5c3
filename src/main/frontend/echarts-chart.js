import * as echarts from 'echarts';

/** <echarts-chart>: renders the JSON ECharts option in its `option` property; resizes with its box. */
class EchartsChart extends HTMLElement {
  connectedCallback() {
    this.style.display = 'block';
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'canvas', locale: chartLocale() });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this._chart) this._chart.dispose();
    this._chart = null;
  }

  set option(json) {
    this._option = json;
    this._render();
  }

  get option() {
    return this._option;
  }

  /** Downloads the rendered chart as a PNG (kept for callers of the older name). */
  savePng(fileName) {
    this.saveImage('png', fileName);
  }

  /**
   * Downloads the chart as 'png' or 'svg' with its title on top and the caption lines (as-of, view, coverage,
   * source URL) below, drawn into the image itself so a copy carries its citation.
   */
  saveImage(type, fileName) {
    const href = type === 'svg' ? this.svgDataUrl() : null;
    if (href) {
      this._download(href, fileName || 'chart.svg');
      return;
    }
    this.pngDataUrl().then(url => url && this._download(url, fileName || 'chart.png'));
  }

  _frame() {
    const width = Math.max(640, Math.round(this.clientWidth || 800));
    const height = Math.max(320, Math.round(this.clientHeight || 420));
    // caption lines wrapped to the image width (12 px sans-serif: about 6.6 px a character)
    const chars = Math.max(40, Math.floor((width - 24) / 6.6));
    const lines = [].concat(...JSON.parse(this.imageLines || '[]').map(l => wrap(l, chars)));
    return { width, height, lines, title: this.imageTitle || '', head: 44, foot: 12 + 18 * lines.length };
  }

  /** The chart rendered by ECharts' SVG renderer (no DOM, no server), framed by title and caption. */
  svgDataUrl() {
    if (!this._option) return null;
    const f = this._frame();
    const ssr = echarts.init(null, null, { renderer: 'svg', ssr: true, width: f.width, height: f.height, locale: chartLocale() });
    ssr.setOption(JSON.parse(this._option));
    const inner = ssr.renderToSVGString();
    ssr.dispose();
    const total = f.head + f.height + f.foot;
    const esc = t => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const text = f.lines.map((l, i) => `<text x="12" y="${f.head + f.height + 16 + 18 * i}" font-size="12" fill="#444" font-family="sans-serif">${esc(l)}</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${total}" viewBox="0 0 ${f.width} ${total}">`
      + `<rect width="100%" height="100%" fill="#fff"/>`
      + `<text x="12" y="28" font-size="18" font-weight="bold" fill="#111" font-family="sans-serif">${esc(f.title)}</text>`
      + `<g transform="translate(0 ${f.head})">${inner}</g>${text}</svg>`;
    this.lastSvg = svg;
    return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  }

  /** A PNG at twice the screen resolution: the canvas chart drawn between its title and caption lines. */
  pngDataUrl() {
    if (!this._chart) return Promise.resolve(null);
    const f = this._frame();
    const ratio = 2;
    const img = new Image();
    const chartUrl = this._chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#fff' });
    return new Promise(resolve => {
      img.onload = () => {
        const w = this._chart.getWidth(), h = this._chart.getHeight();
        const canvas = document.createElement('canvas');
        canvas.width = w * ratio;
        canvas.height = (f.head + h + f.foot) * ratio;
        const ctx = canvas.getContext('2d');
        ctx.scale(ratio, ratio);
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, w, f.head + h + f.foot);
        ctx.fillStyle = '#111';
        ctx.font = 'bold 18px sans-serif';
        ctx.fillText(f.title, 12, 28, w - 24);
        ctx.drawImage(img, 0, f.head, w, h);
        ctx.fillStyle = '#444';
        ctx.font = '12px sans-serif';
        f.lines.forEach((l, i) => ctx.fillText(l, 12, f.head + h + 16 + 18 * i, w - 24));
        const url = canvas.toDataURL('image/png');
        this.lastPng = url;
        resolve(url);
      };
      img.src = chartUrl;
    });
  }

  _download(href, fileName) {
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  /** What the chart instance renders (first category axis and each series' values), for tests. */
  renderedSeries() {
    if (!this._chart) return null;
    const option = this._chart.getOption();
    const axis = [].concat(option.yAxis || [], option.xAxis || []).find(a => a.type === 'category');
    const series = option.series || [];
    const first = series.length ? series[0].data : [];
    return JSON.stringify({
      categories: axis ? axis.data : [],
      keys: first.map((d, i) => (d !== null && typeof d === 'object' && d.key !== undefined) ? d.key
        : (axis ? axis.data[i] : (d && d.name))),
      values: series.length ? series[0].data.map(d => (d !== null && typeof d === 'object') ? d.value : d) : [],
      names: series.length ? series[0].data.map(d => (d !== null && typeof d === 'object') ? d.name : null) : [],
      series: series.map(s => ({ name: s.name, data: s.data }))
    });
  }

  _render() {
    if (!this._chart || !this._option) return;
    this._chart.setOption(JSON.parse(this._option), true);
    this.setAttribute('data-rendered', 'true');
  }
}

/** A line broken at spaces into lines of at most `chars` characters (CJK text, without spaces, at any character). */
function wrap(text, width) {
  const chars = /[\u3000-\u9fff\uff00-\uffef]/.test(text) ? Math.floor(width / 2) : width; // CJK: two columns
  const out = [];
  let line = '';
  for (const word of String(text).split(/(?<=\s)/)) {
    let w = word;
    while (w.length > chars) {
      if (line) { out.push(line.trimEnd()); line = ''; }
      out.push(w.slice(0, chars));
      w = w.slice(chars);
    }
    if ((line + w).length > chars) { out.push(line.trimEnd()); line = ''; }
    line += w;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}

/** ECharts' own texts (aria descriptions, toolbox) in the page's language. */
function chartLocale() {
  return (document.documentElement.lang || 'en').toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
}

customElements.define('echarts-chart', EchartsChart);
