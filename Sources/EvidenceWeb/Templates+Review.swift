/// The appraisers' review screens (and the unit's read-only view of one flag).
extension Templates {
    static let reviewQueue = """
    {{<layout}}
    {{$title}}Thẩm định{{/title}}
    {{$head}}<script src="/static/keys.js" defer></script>{{/head}}
    {{$body}}
    <h1>Cờ cần thẩm định</h1>
    <nav class="tabs" id="reasons">
      {{#reasons}}<a href="{{link}}" class="tab{{#selected}} selected{{/selected}}" data-reason="{{code}}">{{label}} <span class="count">{{count}}</span></a>{{/reasons}}
    </nav>
    <form method="get" action="/review" class="card filters">
      <label>Đơn vị <input name="unit" value="{{unit}}" placeholder="mã đơn vị"></label>
      <label>Chỉ tiêu <input name="indicator" value="{{indicator}}" placeholder="vd. 2.1.2"></label>
      <label>Trạng thái <select name="state">{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
      <label>Sắp xếp <select name="order">{{#orders}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/orders}}</select></label>
      <button type="submit">Lọc</button>
    </form>
    {{^hasRows}}<p class="muted" id="empty">Không có cờ nào.</p>{{/hasRows}}
    {{#hasRows}}
    <div class="table-wrap">
    <table class="list" id="queue">
      <thead><tr><th>#</th><th>Đơn vị · hồ sơ</th><th>Chỉ tiêu</th><th>Lý do</th><th>Trạng thái</th></tr></thead>
      <tbody>
      {{#rows}}
      <tr data-flag="{{id}}" data-position="{{position}}">
        <td><a href="/review/flags/{{id}}" class="open">{{id}}</a></td>
        <td>{{unit}} · {{submission}}</td>
        <td>{{indicator}}</td>
        <td><strong>{{reasonLabel}}</strong><br><span class="muted">{{message}}</span></td>
        <td><span class="state {{stateClass}}">{{stateLabel}}</span>{{#decidedBy}}<br><span class="muted">{{.}}</span>{{/decidedBy}}</td>
      </tr>
      {{/rows}}
      </tbody>
    </table>
    </div>
    {{/hasRows}}
    {{#nextPage}}<p><a href="{{.}}" id="next-page" rel="next">Trang sau →</a></p>{{/nextPage}}
    <p class="muted keys">Phím: j/k chọn, Enter mở.</p>
    {{/body}}
    {{/layout}}
    """

    static let reviewFlag = """
    {{<layout}}
    {{$title}}Cờ #{{id}}{{/title}}
    {{$head}}<script src="/static/keys.js" defer></script>{{/head}}
    {{$body}}
    <p class="muted"><a href="{{backLink}}">← Quay lại</a>
      {{#previous}} · <a href="/review/flags/{{.}}" id="previous" rel="prev">← Cờ trước (k)</a>{{/previous}}
      {{#next}} · <a href="/review/flags/{{.}}" id="next" rel="next">Cờ sau (j) →</a>{{/next}}</p>
    <h1>Cờ #{{id}}: {{reasonLabel}}</h1>
    <div class="flag-grid">
    <section class="card">
      <dl class="facts">
        <dt>Đơn vị</dt><dd>{{unitName}} ({{unitCode}})</dd>
        <dt>Hồ sơ</dt><dd><a href="/submissions/{{submissionPath}}">{{submission}}</a></dd>
        <dt>Chỉ tiêu</dt><dd><strong>{{indicator}}</strong> {{indicatorName}}</dd>
        <dt>Điểm</dt><dd>tự chấm {{claimedScore}} / tối đa {{maxPoints}}</dd>
        {{#rule}}<dt>Yêu cầu</dt><dd>{{.}}</dd>{{/rule}}
        {{#file}}<dt>Tệp</dt><dd>{{.}}{{#page}}, trang {{.}}{{/page}}{{#fieldLabel}} · {{.}}{{/fieldLabel}}</dd>{{/file}}
      </dl>
      <p class="reason" id="message">{{message}}</p>
      <dl class="compare big" id="comparison">
        <dt>Kê khai</dt><dd id="expected">{{#expected}}{{.}}{{/expected}}{{^expected}}—{{/expected}}</dd>
        <dt>Tìm thấy</dt><dd id="found">{{#found}}{{.}}{{/found}}{{^found}}—{{/found}}</dd>
      </dl>
    </section>
    <section class="card region">
      {{#hasRegion}}
      <a href="{{pageURL}}" target="_blank" rel="noopener"><img id="region" src="{{regionURL}}" alt="Vùng tài liệu của cờ #{{id}}"></a>
      <p class="muted">{{#pageURL}}<a href="{{.}}" target="_blank" rel="noopener">Cả trang (phóng to)</a>{{/pageURL}}{{#originalURL}} · <a href="{{.}}">Tệp gốc</a>{{/originalURL}}</p>
      {{/hasRegion}}
      {{^hasRegion}}<p class="muted">Cờ này về cả chỉ tiêu, không về một vị trí trong tài liệu.</p>{{/hasRegion}}
    </section>
    </div>
    {{#hasOthers}}
    <section class="card"><h2>Cùng tài liệu ở đơn vị khác</h2>
      <div class="side-by-side">
      {{#others}}<figure>{{#imageURL}}<img src="{{.}}" alt="Trang 1 của {{file}}">{{/imageURL}}<figcaption>{{unit}} · {{submission}} · {{file}}</figcaption></figure>{{/others}}
      </div>
    </section>
    {{/hasOthers}}
    {{#hasSignatures}}
    <section class="card"><h2>Chữ ký số</h2>
      <div class="table-wrap"><table class="list" id="signatures"><thead><tr><th>Người ký</th><th>Tổ chức</th><th>CA</th><th>Thời điểm</th><th>Trạng thái</th><th>Chứng thư</th><th>Phủ toàn tệp</th></tr></thead><tbody>
      {{#signatures}}<tr><td>{{signer}}</td><td>{{organization}}</td><td>{{issuer}}</td><td>{{time}}</td><td>{{status}}</td><td>{{certificate}}</td><td>{{coversWhole}}</td></tr>{{/signatures}}
      </tbody></table></div>
    </section>
    {{/hasSignatures}}
    <section class="card" id="decisions">
      <h2>Quyết định của Hội đồng</h2>
      {{#current}}<p class="decision" id="current-decision"><strong>{{action}}</strong> · {{by}} · {{at}}{{#supportedScore}} · điểm được chấp nhận: {{.}}{{/supportedScore}}{{#answer}} · “{{.}}”{{/answer}}{{#comment}}<br>{{.}}{{/comment}}</p>{{/current}}
      {{^current}}<p class="muted" id="current-decision">Chưa có quyết định.</p>{{/current}}
      {{#error}}<p class="alert" role="alert" id="decision-error">{{.}}</p>{{/error}}
      {{#canDecide}}
      <form method="post" action="/review/flags/{{id}}/decision" id="decision-form">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <fieldset class="actions">
          <label class="choice"><input type="radio" name="action" value="confirm" id="action-confirm"> Xác nhận cờ (c)</label>
          <label class="choice"><input type="radio" name="action" value="dismiss" id="action-dismiss"> Bác bỏ cờ (d)</label>
          {{#isQuestion}}<label class="choice"><input type="radio" name="action" value="answer" id="action-answer"> Trả lời (a)</label>{{/isQuestion}}
        </fieldset>
        <div class="row">
          <label>Điểm được chấp nhận (khi xác nhận) <input name="supported_score" type="number" step="0.01" min="0" inputmode="decimal"></label>
          {{#isQuestion}}<label class="grow">Trả lời (vd. số viết tay là 24) <input name="answer" id="answer"></label>{{/isQuestion}}
        </div>
        <label>Ý kiến (bắt buộc khi bác bỏ) <textarea name="comment" id="comment" rows="3"></textarea></label>
        <div class="actions">
          <button type="submit" class="primary" id="save">Lưu quyết định</button>
          {{#next}}<button type="submit" name="then" value="next" id="save-next">Lưu và sang cờ sau</button>{{/next}}
        </div>
      </form>
      {{/canDecide}}
      {{#hasDecisions}}
      <details{{#canDecide}} open{{/canDecide}}><summary>Lịch sử quyết định</summary>
        <ol class="trail" id="trail">{{#decisions}}<li>#{{id}} · {{action}} · {{by}} · {{at}}{{#supportedScore}} · điểm {{.}}{{/supportedScore}}{{#answer}} · “{{.}}”{{/answer}}{{#comment}} · {{.}}{{/comment}}</li>{{/decisions}}</ol>
      </details>
      {{/hasDecisions}}
    </section>
    {{/body}}
    {{/layout}}
    """

    /// Keyboard for the review screens: j/k next/previous, Enter open, c/d/a pick the decision.
    static let keys = """
    (function () {
      var rows = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
      var at = -1;
      function select(i) {
        if (!rows.length) return;
        at = Math.max(0, Math.min(rows.length - 1, i));
        rows.forEach(function (r, j) { r.classList.toggle('selected', j === at); });
        rows[at].scrollIntoView({block: 'nearest'});
      }
      function follow(id) { var a = document.getElementById(id); if (a) window.location = a.href; }
      function pick(id, focus) {
        var r = document.getElementById(id); if (!r) return;
        r.checked = true;
        var f = document.getElementById(focus); if (f) f.focus();
      }
      document.addEventListener('keydown', function (e) {
        var t = e.target.tagName;
        if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
        if (rows.length) {
          if (e.key === 'j') { select(at + 1); e.preventDefault(); }
          else if (e.key === 'k') { select(at - 1); e.preventDefault(); }
          else if (e.key === 'Enter' && at >= 0) { rows[at].querySelector('a.open').click(); }
          return;
        }
        if (e.key === 'j') follow('next');
        else if (e.key === 'k') follow('previous');
        else if (e.key === 'c') { pick('action-confirm', 'save'); e.preventDefault(); }
        else if (e.key === 'd') { pick('action-dismiss', 'comment'); e.preventDefault(); }
        else if (e.key === 'a') { pick('action-answer', 'answer'); e.preventDefault(); }
      });
    })();
    """

    static let reviewCSS = """
    .tabs { display: flex; flex-wrap: wrap; gap: .4rem; margin-bottom: .75rem; }
    .tab { padding: .25rem .6rem; border: 1px solid var(--line); border-radius: 999px; background: #fff; text-decoration: none; color: var(--ink); font-size: .9rem; }
    .tab.selected { border-color: var(--accent); color: var(--accent); font-weight: 600; }
    .count { color: var(--muted); }
    .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    .filters label { flex: 1 1 9rem; }
    tr.selected { outline: 2px solid var(--accent); }
    .flag-grid { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(18rem, 1.4fr); gap: 1rem; }
    @media (max-width: 50rem) { .flag-grid { grid-template-columns: 1fr; } }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; }
    p.reason { font-size: 1.05rem; }
    dl.compare.big dd { font-size: 1.2rem; }
    .region img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
    .side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
    .side-by-side img { max-width: 100%; border: 1px solid var(--line); }
    textarea { width: 100%; font: inherit; padding: .45rem; border: 1px solid var(--line); border-radius: 4px; }
    label.choice { display: inline-flex; gap: .35rem; align-items: center; margin-right: 1rem; }
    label.choice input { width: 1.15rem; height: 1.15rem; display: inline; margin: 0; }
    fieldset.actions { border: none; padding: 0; margin: .4rem 0; }
    ol.trail { padding-left: 1.2rem; }
    #decisions details { margin-top: 1rem; }
    #decisions summary { cursor: pointer; color: var(--muted); }
    .keys { font-size: .85rem; }
    .card h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
    /* A phone: each flag of the queue as a block (its number beside unit, indicator, reason, state), not five narrow columns. */
    @media (max-width: 40rem) {
      #queue thead { display: none; }
      #queue tr { display: grid; grid-template-columns: 2.2rem 1fr; border-bottom: 1px solid var(--line); padding: .35rem 0; }
      #queue td { border: none; padding: .1rem .4rem; }
      #queue td:first-child { grid-row: span 4; }
      #queue td:nth-child(3)::before { content: "Chỉ tiêu "; color: var(--muted); }
    }
    """
}
