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

  /** What the chart instance renders (first category axis and each series' values), for tests. */
  renderedSeries() {
    if (!this._chart) return null;
    const option = this._chart.getOption();
    const axis = [].concat(option.yAxis || [], option.xAxis || []).find(a => a.type === 'category');
    const series = option.series || [];
    return JSON.stringify({
      categories: axis ? axis.data : [],
      values: series.length ? series[0].data : [],
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
