import EvidenceWeb
import Foundation
import Mustache
import Testing

/// Pages render a view reflected once (`ReflectedView`): the HTML must be exactly what
/// swift-mustache makes of the plain value through `Mirror`.
@Suite struct ReflectedViewTests {
    struct Account { var who: String; var reviews: Bool }
    struct Chrome { var account: Account?; var csrf: String? }
    struct Row { var code: String; var label: String?; var count: Int; var selected: Bool; var tags: [String]; var note: String? }
    struct Progress { var files: Int; var filesDone: Int; var pagesRead: Int }
    struct Claim { var index: Int; var rows: [Row]; var unitCode: String?; var progress: Progress?; var empty: [Row] }
    enum Kind { case flagged, supported }
    struct Page {
        var chrome: Chrome; var unitCode: String; var title: String; var claims: [Claim]; var nothing: String?
        var score: Double; var kind: Kind; var day: Date; var pairs: [String: String]; var flags: Set<Int>
    }

    static let template = """
        {{#chrome}}{{#account}}<b>{{who}}</b>{{#reviews}}R{{/reviews}}{{^reviews}}U{{/reviews}}{{/account}}\
        {{^account}}anon{{/account}}<i>{{csrf}}</i>{{/chrome}}
        <h1 title="{{title}}">{{title}} {{score}} {{kind}} {{day}} {{nothing}}{{^nothing}}none{{/nothing}}</h1>
        {{#claims}}<li id="c{{index}}">{{unitCode}}|{{chrome.csrf}}|{{title}}
          {{#progress}}{{files}}/{{filesDone}}/{{pagesRead}}{{/progress}}{{^progress}}no progress{{/progress}}
          {{#rows}}<p>{{code}} {{label}} {{count}} {{#selected}}*{{/selected}} {{#tags}}[{{.}}]{{/tags}} {{note}}{{unitCode}}
          {{#first}}F{{/first}}{{#last}}L{{/last}}</p>{{/rows}}{{^rows}}no rows{{/rows}}{{^empty}}E{{/empty}}</li>{{/claims}}
        {{pairs.a}} {{#flags}}{{.}}{{/flags}} {{chrome.account.who}} {{claims}}
        """

    @Test func aReflectedViewRendersExactlyAsThePlainValue() throws {
        var library = MustacheLibrary()
        try library.register(Self.template, named: "page")
        let rows = [Row(code: "a<", label: nil, count: 1, selected: true, tags: ["x\"", "y"], note: "n"),
                    Row(code: "b", label: "B & b", count: 2, selected: false, tags: [], note: nil)]
        for chrome in [Chrome(account: Account(who: "council · Thẩm định", reviews: true), csrf: "t0k\u{301}"),
                       Chrome(account: nil, csrf: nil)] {
            let page = Page(chrome: chrome, unitCode: "H-BATO", title: "Ủy ban \"x\"",
                            claims: [Claim(index: 0, rows: rows, unitCode: nil, progress: Progress(files: 3, filesDone: 1, pagesRead: 7), empty: []),
                                     Claim(index: 1, rows: [], unitCode: "H-SONHA", progress: nil, empty: rows)],
                            nothing: nil, score: 2.5, kind: .flagged, day: Date(timeIntervalSince1970: 1_700_000_000),
                            pairs: ["a": "A"], flags: [3])
            let plain = try #require(library.render(page, withTemplate: "page"))
            let reflected = try #require(library.render(ReflectedView.wrap(page), withTemplate: "page"))
            #expect(reflected == plain)
            #expect(plain.contains("H-BATO|") && plain.contains("3/1/7") && plain.contains("[x&quot;]"))
        }
    }
}
