/// The pages' Mustache templates. `{{x}}` escapes HTML; `{{{x}}}` is never used for document text.
/// Each page extends `layout` and fills its blocks.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "error": error, "submissions": submissions,
        "new-framework": newFramework, "new-claims": newClaims, "result": result,
        "review-queue": reviewQueue, "review-flag": reviewFlag,
    ]

    static let layout = """
    <!doctype html>
    <html lang="vi">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}evidenced{{/title}} · evidenced</title>
    <link rel="stylesheet" href="/static/style.css">
    {{$head}}{{/head}}
    </head>
    <body>
    <header class="top">
      <a class="brand" href="/">evidenced</a>
      <span class="tag">Kiểm tra tài liệu kiểm chứng</span>
      {{#chrome.account}}
      <nav>
        <a href="/submissions">Hồ sơ</a>
        {{#reviews}}<a href="/review">Thẩm định</a>{{/reviews}}
        <span class="who">{{who}}</span>
        <form method="post" action="/logout" class="inline">
          <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
          <button type="submit" class="link">Đăng xuất</button>
        </form>
      </nav>
      {{/chrome.account}}
    </header>
    <main>
    {{$body}}{{/body}}
    </main>
    </body>
    </html>
    """

    static let login = """
    {{<layout}}
    {{$title}}Đăng nhập{{/title}}
    {{$body}}
    <section class="card narrow">
      <h1>Đăng nhập</h1>
      {{#error}}<p class="alert" role="alert">{{error}}</p>{{/error}}
      <form method="post" action="/login" id="login">
        <input type="hidden" name="next" value="{{next}}">
        <label>Tên đăng nhập <input name="username" autocomplete="username" required autofocus value="{{username}}"></label>
        <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Đăng nhập</button>
      </form>
    </section>
    {{/body}}
    {{/layout}}
    """

    static let error = """
    {{<layout}}
    {{$title}}Lỗi {{status}}{{/title}}
    {{$body}}
    <section class="card narrow">
      <h1>Lỗi {{status}}</h1>
      <p class="alert" role="alert" id="error-message">{{message}}</p>
      <p><a href="/">Về trang đầu</a></p>
    </section>
    {{/body}}
    {{/layout}}
    """

    static let submissions = """
    {{<layout}}
    {{$title}}Hồ sơ tự đánh giá{{/title}}
    {{$body}}
    <h1>Hồ sơ tự đánh giá</h1>
    {{#canCreate}}<p><a class="button" href="/submissions/new" id="new-submission">+ Tạo hồ sơ mới</a></p>{{/canCreate}}
    {{^rows}}<p class="muted">Chưa có hồ sơ nào.</p>{{/rows}}
    {{#hasRows}}
    <div class="table-wrap">
    <table class="list" id="submissions">
      <thead><tr><th>Hồ sơ</th><th>Đơn vị</th><th>Bộ chỉ số · kỳ</th><th>Trạng thái</th><th>Chỉ tiêu bị gắn cờ</th><th>Cập nhật</th></tr></thead>
      <tbody>
      {{#rows}}
      <tr>
        <td><a href="/submissions/{{idPath}}">{{id}}</a>{{#precheck}} <span class="badge">kiểm tra thử</span>{{/precheck}}</td>
        <td>{{unitName}}</td>
        <td>{{framework}} · {{period}}</td>
        <td><span class="state {{stateClass}}">{{stateLabel}}</span></td>
        <td>{{#checked}}{{flaggedClaims}} / {{claims}}{{#needsReview}} · {{needsReview}} cần xem{{/needsReview}}{{/checked}}</td>
        <td>{{updated}}</td>
      </tr>
      {{/rows}}
      </tbody>
    </table>
    </div>
    {{/hasRows}}
    {{/body}}
    {{/layout}}
    """

    static let newFramework = """
    {{<layout}}
    {{$title}}Tạo hồ sơ{{/title}}
    {{$body}}
    <h1>Tạo hồ sơ tự đánh giá</h1>
    <form method="get" action="/submissions/new" class="card">
      <label>Bộ chỉ số
        <select name="framework" required>
          {{#frameworks}}<option value="{{id}}">{{name}} ({{id}})</option>{{/frameworks}}
        </select>
      </label>
      <button type="submit">Tiếp tục</button>
    </form>
    {{/body}}
    {{/layout}}
    """

    static let newClaims = """
    {{<layout}}
    {{$title}}Tạo hồ sơ · {{framework.name}}{{/title}}
    {{$body}}
    <h1>{{framework.name}}</h1>
    {{#error}}<p class="alert" role="alert" id="form-error">{{error}}</p>{{/error}}
    <form method="post" action="/submissions" enctype="multipart/form-data" id="submission-form">
      <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
      <input type="hidden" name="framework" value="{{framework.id}}">
      <fieldset class="card">
        <legend>Kỳ đánh giá</legend>
        <label>Từ ngày <input type="date" name="period_from" value="{{periodFrom}}" required></label>
        <label>Đến ngày <input type="date" name="period_to" value="{{periodTo}}" required></label>
      </fieldset>
      <datalist id="indicators">
        {{#indicators}}<option value="{{code}}">{{code}} · {{name}} (tối đa {{max}} điểm)</option>{{/indicators}}
      </datalist>
      {{#claims}}
      <fieldset class="card claim">
        <legend>Chỉ tiêu {{number}}</legend>
        <div class="row">
          <label class="grow">Mã chỉ tiêu <input name="c{{index}}_indicator" list="indicators" placeholder="vd. 2.1.2" autocomplete="off"></label>
          <label>Điểm tự chấm <input name="c{{index}}_score" type="number" step="0.01" min="0" inputmode="decimal"></label>
        </div>
        {{#evidence}}
        <div class="evidence">
          <label class="grow">Tệp kiểm chứng {{number}} <input type="file" name="c{{claim}}_e{{index}}_file"></label>
          <label>Số, ký hiệu <input name="c{{claim}}_e{{index}}_number" placeholder="12/KH-UBND"></label>
          <label>Ngày ban hành <input name="c{{claim}}_e{{index}}_date" type="date"></label>
          <label>Người ký <input name="c{{claim}}_e{{index}}_signer"></label>
        </div>
        {{/evidence}}
        <label>Tệp khác (chọn nhiều tệp, hoặc một tệp .zip) <input type="file" name="c{{index}}_more" multiple></label>
      </fieldset>
      {{/claims}}
      <p><a href="/submissions/new?framework={{framework.id}}&amp;claims={{moreClaims}}">+ Thêm chỉ tiêu</a></p>
      <details class="card"><summary>Danh sách chỉ tiêu ({{indicatorCount}})</summary>
        <table class="list"><thead><tr><th>Mã</th><th>Tên</th><th>Tối đa</th><th>Tài liệu cần có</th></tr></thead><tbody>
        {{#indicators}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{max}}</td><td>{{needs}}</td></tr>{{/indicators}}
        </tbody></table>
      </details>
      <p class="muted">Tổng dung lượng tối đa {{maxUploadMiB}} MiB.</p>
      <div class="actions">
        <button type="submit" name="mode" value="precheck" id="precheck">Kiểm tra thử</button>
        <button type="submit" name="mode" value="submit" class="primary" id="submit">Nộp hồ sơ</button>
      </div>
    </form>
    {{/body}}
    {{/layout}}
    """

    static let result = """
    {{<layout}}
    {{$title}}Hồ sơ {{id}}{{/title}}
    {{$head}}{{#refresh}}<meta http-equiv="refresh" content="3">{{/refresh}}{{/head}}
    {{$body}}
    <h1>Hồ sơ {{id}}{{#precheck}} <span class="badge">kiểm tra thử</span>{{/precheck}}</h1>
    {{#revision}}<p class="muted">{{unitName}} · {{framework}} · {{period}} · lần nộp thứ {{.}}</p>{{/revision}}
    {{#refusal}}<p class="alert" role="alert" id="refusal">Hồ sơ bị từ chối: {{.}}</p>{{/refusal}}
    <div id="status" data-state="{{stateCode}}">
      <p><span class="state {{stateClass}}">{{stateLabel}}</span>
      {{#progress}}<span id="progress">Đã đọc {{filesDone}}/{{files}} tệp, {{pagesRead}} trang</span>{{/progress}}</p>
      {{#failure}}<p class="alert">{{.}}</p>{{/failure}}
    </div>
    {{#precheckDone}}
    <form method="post" action="/submissions/{{idPath}}/submit" class="inline">
      <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
      <button type="submit" class="primary" id="submit-precheck">Nộp hồ sơ này cho Hội đồng</button>
    </form>
    {{/precheckDone}}
    {{#checked}}
    <p id="summary">{{flaggedClaims}} / {{claimCount}} chỉ tiêu bị gắn cờ{{#needsReview}}, {{.}} điểm cần thẩm định viên xem{{/needsReview}}.</p>
    <ol class="claims" id="claims">
    {{#claims}}
      <li class="claim {{verdictClass}}" data-indicator="{{code}}" data-verdict="{{verdictCode}}">
        <div class="claim-head"><strong>{{code}}</strong> {{name}} <span class="score">{{score}} / {{max}} điểm</span>
          <span class="verdict">{{verdictLabel}}</span></div>
        {{#flags}}
        <div class="flag" data-reason="{{reasonCode}}">
          <div><strong>{{reasonLabel}}</strong>{{#flagId}} · <a href="/review/flags/{{.}}" class="flag-link">xem vùng tài liệu và ý kiến Hội đồng</a>{{/flagId}}{{#file}} · <span class="file">{{.}}</span>{{/file}}{{#page}}, trang {{.}}{{/page}}{{#fieldLabel}} · {{.}}{{/fieldLabel}}</div>
          <p>{{message}}</p>
          {{#hasComparison}}<dl class="compare"><dt>Kê khai</dt><dd>{{expected}}</dd><dt>Tìm thấy</dt><dd>{{found}}</dd></dl>{{/hasComparison}}
        </div>
        {{/flags}}
      </li>
    {{/claims}}
    </ol>
    {{/checked}}
    <p><a href="/submissions">← Danh sách hồ sơ</a>{{#canResubmit}} · <a href="/submissions/new?framework={{framework}}">Sửa và nộp lại</a>{{/canResubmit}}</p>
    {{/body}}
    {{/layout}}
    """

    static let css = """
    :root { --ink: #1c2430; --muted: #5b6775; --line: #d6dbe1; --bg: #f5f7f9; --accent: #0b5cad; --bad: #b3261e; --ok: #1e7b34; --warn: #8a5a00; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--ink); background: var(--bg); }
    header.top { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; color: var(--accent); text-decoration: none; }
    .tag { color: var(--muted); font-size: .9rem; }
    nav { margin-left: auto; display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
    .who { color: var(--muted); font-size: .9rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.4rem; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 0 0 1rem; }
    .narrow { max-width: 26rem; margin: 2rem auto; }
    label { display: block; margin: .4rem 0; font-size: .95rem; }
    input, select { display: block; width: 100%; padding: .45rem; font: inherit; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
    input[type=file] { padding: .3rem; }
    button, .button { display: inline-block; padding: .5rem 1rem; font: inherit; border: 1px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; text-decoration: none; }
    button.primary { background: var(--accent); color: #fff; }
    button.link { border: none; padding: 0; background: none; color: var(--accent); text-decoration: underline; }
    form.inline { display: inline; }
    .row, .evidence { display: flex; flex-wrap: wrap; gap: .5rem; }
    .row > label, .evidence > label { flex: 1 1 10rem; }
    .grow { flex: 2 1 16rem !important; }
    .evidence { border-top: 1px dashed var(--line); padding-top: .4rem; margin-top: .4rem; }
    .actions { display: flex; gap: .75rem; flex-wrap: wrap; }
    .alert { border-left: 4px solid var(--bad); background: #fdecea; padding: .5rem .75rem; }
    .muted { color: var(--muted); }
    .badge { font-size: .75rem; background: #eef2f6; border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; }
    .table-wrap { overflow-x: auto; }
    table.list { width: 100%; border-collapse: collapse; background: #fff; }
    table.list th, table.list td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    .state { font-weight: 600; }
    .state.checked { color: var(--ok); } .state.failed { color: var(--bad); } .state.pending { color: var(--warn); }
    ol.claims { padding-left: 0; list-style: none; }
    li.claim { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--ok); border-radius: 6px; padding: .75rem; margin-bottom: .75rem; }
    li.claim.flagged { border-left-color: var(--bad); } li.claim.review { border-left-color: var(--warn); }
    .claim-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
    .score { color: var(--muted); } .verdict { margin-left: auto; font-weight: 600; }
    .flag { border-top: 1px solid var(--line); margin-top: .5rem; padding-top: .5rem; }
    dl.compare { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: .25rem 0; }
    dl.compare dt { color: var(--muted); } dl.compare dd { margin: 0; font-family: ui-monospace, "Liberation Mono", monospace; }
    @media (max-width: 40rem) { main { padding: .5rem; } .verdict { margin-left: 0; } }
    """
}
