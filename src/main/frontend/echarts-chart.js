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

  _render() {
    if (!this._chart || !this._option) return;
    this._chart.setOption(JSON.parse(this._option), true);
    this.setAttribute('data-rendered', 'true');
  }
}

customElements.define('echarts-chart', EchartsChart);
