import * as echarts from 'echarts';

/** <echarts-chart>: renders the JSON ECharts option in its `option` property; resizes with its box. */
class EchartsChart extends HTMLElement {
  connectedCallback() {
    this.style.display = 'block';
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'canvas' });
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

  /** Downloads the rendered chart as a PNG (white background, twice the screen resolution). */
  savePng(fileName) {
    if (!this._chart) return;
    const a = document.createElement('a');
    a.href = this._chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = fileName || 'chart.png';
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

customElements.define('echarts-chart', EchartsChart);
