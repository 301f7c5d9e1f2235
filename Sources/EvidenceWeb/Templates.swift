/// The pages' Mustache templates (`Templates/*.mustache`) and the static files (`Static/`), embedded
/// in the binary by SwiftPM (`.embedInCode`): `make install` copies the binary alone, and nothing
/// is read from disk after start. Each page extends `layout` and fills its blocks; `{{x}}` escapes
/// HTML (by scalar, see `HTMLEscaping`) and `{{{x}}}` is never used for document text.
enum Templates {
    /// Every page template by name: its file's name without `.mustache`. A file added to the folder
    /// is listed here too (AttackTests compares the two).
    static let pages: [String: String] = [
        "layout": text(PackageResources.layout_mustache), "login": text(PackageResources.login_mustache),
        "error": text(PackageResources.error_mustache), "submissions": text(PackageResources.submissions_mustache),
        "new-framework": text(PackageResources.new_framework_mustache), "new-claims": text(PackageResources.new_claims_mustache),
        "result": text(PackageResources.result_mustache), "review-queue": text(PackageResources.review_queue_mustache),
        "review-flag": text(PackageResources.review_flag_mustache),
        "admin-units": text(PackageResources.admin_units_mustache),
        "season": text(PackageResources.season_mustache), "season-mine": text(PackageResources.season_mine_mustache),
    ]

    static let stylesheet = text(PackageResources.style_css)
    /// The review screens' keyboard (the only script: the pages work without it).
    static let keys = text(PackageResources.keys_js)

    /// A file's text. Files end with a newline; a page does not need it after its last tag.
    private static func text(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
