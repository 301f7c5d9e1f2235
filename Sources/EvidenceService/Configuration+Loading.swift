import EvidenceModel
import Foundation
import TOMLKit

extension Configuration {
    /// Loads the configuration the daemon runs with: defaults, then the TOML file, then `EVIDENCED_*`
    /// variables, then `--inbox`/`--data`; the result is checked as a whole.
    ///
    /// - Parameter path: an explicit file (`--config`), which must exist. When nil, `EVIDENCED_CONFIG`
    ///   if set (must exist too), else `/etc/evidenced/evidenced.toml`, whose absence means defaults.
    /// - Parameters inbox, data: command-line overrides; relative paths are taken from `workingDirectory`.
    /// - Parameter defaultFile: the file read when none is named (tests point it elsewhere).
    package static func load(path: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            inbox: String? = nil, data: String? = nil,
                            workingDirectory: String = FileManager.default.currentDirectoryPath,
                            defaultFile: String = Configuration.defaultPath) throws(ConfigurationError) -> Configuration {
        var layers = ConfigurationLayers()
        let explicit = path ?? environment["EVIDENCED_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file = explicit ?? defaultFile
        if let text = try readFile(file, required: explicit != nil) {
            try layers.applyTOML(text, path: file)
        }
        try layers.applyEnvironment(environment)
        layers.applyCommandLine(inbox: inbox, data: data, workingDirectory: workingDirectory)
        return try layers.validated()
    }

    /// The defaults overlaid with one TOML document (no environment), checked.
    package static func parse(toml text: String, path: String = "<toml>") throws(ConfigurationError) -> Configuration {
        var layers = ConfigurationLayers()
        try layers.applyTOML(text, path: path)
        return try layers.validated()
    }

    /// This configuration with `EVIDENCED_*` variables applied, checked.
    package func applying(environment: [String: String]) throws(ConfigurationError) -> Configuration {
        var layers = ConfigurationLayers(configuration: self)
        try layers.applyEnvironment(environment)
        return try layers.validated()
    }

    /// This configuration with the command line's `--inbox` and `--data` applied (nil: unchanged),
    /// checked. Relative paths are resolved against `workingDirectory`. The database follows a new
    /// data directory unless `database` was set explicitly.
    package func applying(inbox: String?, data: String?,
                         workingDirectory: String = FileManager.default.currentDirectoryPath) throws(ConfigurationError) -> Configuration {
        var layers = ConfigurationLayers(configuration: self)
        layers.applyCommandLine(inbox: inbox, data: data, workingDirectory: workingDirectory)
        return try layers.validated()
    }

    /// Refuses a configuration built in code that breaks a rule; returns it unchanged otherwise.
    package func validated() throws(ConfigurationError) -> Configuration {
        try ConfigurationLayers(configuration: self).validated()
    }

    /// `EVIDENCED_*` variables that name no key (typos); the caller may warn about them.
    package static func unknownEnvironmentVariables(in environment: [String: String]) -> [String] {
        let known = Set(ConfigurationKey.all.map(\.environmentVariable) + ["EVIDENCED_CONFIG", passwordVariable])
        return environment.keys.filter { $0.hasPrefix("EVIDENCED_") && !known.contains($0) }.sorted()
    }

    /// Every key's dotted name, in documentation order.
    package static var keyNames: [String] { ConfigurationKey.all.map(\.name) }

    /// The environment variable that overrides a key, e.g. `EVIDENCED_OCR_DPI` for `ocr.dpi`.
    package static func environmentVariable(for key: String) -> String? {
        ConfigurationKey.named(key)?.environmentVariable
    }

    private static func readFile(_ path: String, required: Bool) throws(ConfigurationError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigurationError(.missingFile, key: nil, reason: "configuration file not found", origin: .file(path: path, line: nil)) }
            return nil
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError(.unreadableFile, key: nil, reason: "cannot read the file: \(error.localizedDescription)",
                                     origin: .file(path: path, line: nil))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(.unreadableFile, key: nil, reason: "the file is not UTF-8 text", origin: .file(path: path, line: nil))
        }
        return text
    }
}

/// A configuration being built, with where each key's value came from, so an error names its source.
struct ConfigurationLayers {
    var configuration: Configuration
    var origins: [String: ConfigurationError.Origin] = [:]

    init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    mutating func applyTOML(_ text: String, path: String) throws(ConfigurationError) {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ConfigurationError(.syntax, key: nil, reason: "not valid TOML: \(error.description)",
                                     origin: .file(path: path, line: error.source.begin.line))
        } catch {
            throw ConfigurationError(.syntax, key: nil, reason: "not valid TOML: \(error)", origin: .file(path: path, line: nil))
        }
        let locator = ConfigurationLineLocator(text: text)
        var found: [(name: String, value: any TOMLValueConvertible)] = []
        var problems: [ConfigurationError] = []
        func origin(_ name: String) -> ConfigurationError.Origin { .file(path: path, line: locator.line(of: name)) }

        for key in table.keys {
            guard let value = table[key] else { continue }
            if ConfigurationKey.sections.contains(key) {
                guard let section = value.table else {
                    problems.append(ConfigurationError(.wrongType, key: key, reason: "must be a table ([\(key)]), got \(value.type.rawValue)", origin: origin(key)))
                    continue
                }
                for subkey in section.keys {
                    if let subvalue = section[subkey] { found.append(("\(key).\(subkey)", subvalue)) }
                }
            } else {
                found.append((key, value))
            }
        }
        for (name, value) in found {
            guard let key = ConfigurationKey.named(name) else {
                problems.append(ConfigurationError(.unknownKey, key: name, reason: Self.unknownKeyReason(name), origin: origin(name)))
                continue
            }
            guard let raw = Self.raw(value) else {
                problems.append(ConfigurationError(.wrongType, key: name, reason: "must be \(key.type.expected), got \(value.type.rawValue)", origin: origin(name)))
                continue
            }
            switch key.type.accept(raw) {
            case .success(let accepted):
                key.apply(&configuration, accepted)
                origins[name] = origin(name)
            case .failure(var problem):
                problem.key = name; problem.origin = origin(name)
                problems.append(problem)
            }
        }
        // The first problem in the file's own order, so the operator fixes from the top down.
        if let first = problems.min(by: { Self.line($0) < Self.line($1) }) { throw first }
    }

    mutating func applyEnvironment(_ environment: [String: String]) throws(ConfigurationError) {
        for key in ConfigurationKey.all {
            // An empty variable counts as unset, as with `Environment=EVIDENCED_X=` in a unit.
            guard let text = environment[key.environmentVariable], !text.isEmpty else { continue }
            switch key.type.parse(text) {
            case .success(let raw):
                key.apply(&configuration, raw)
                origins[key.name] = .environment(variable: key.environmentVariable)
            case .failure(var problem):
                problem.key = key.name; problem.origin = .environment(variable: key.environmentVariable)
                throw problem
            }
        }
    }

    mutating func applyCommandLine(inbox: String?, data: String?, workingDirectory: String) {
        func resolved(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: workingDirectory, isDirectory: true).appendingPathComponent(path).standardizedFileURL.path
        }
        if let inbox { configuration.inbox = resolved(inbox); origins["inbox"] = .commandLine(option: "--inbox") }
        if let data { configuration.dataDirectory = resolved(data); origins["data"] = .commandLine(option: "--data") }
    }

    func validated() throws(ConfigurationError) -> Configuration {
        for key in ConfigurationKey.all {
            if let reason = key.check(configuration) {
                throw ConfigurationError(.invalidValue, key: key.name, reason: reason, origin: origins[key.name])
            }
        }
        return configuration
    }

    private static func raw(_ value: any TOMLValueConvertible) -> ConfigurationValue? {
        switch value.type {
        case .string: value.string.map(ConfigurationValue.string)
        case .int: value.int.map(ConfigurationValue.integer)
        case .double: value.double.map(ConfigurationValue.number)
        case .bool: value.bool.map(ConfigurationValue.boolean)
        default: nil
        }
    }

    private static func line(_ error: ConfigurationError) -> Int {
        if case .file(_, let line?) = error.origin { return line }
        return Int.max
    }

    /// "unknown key", with the nearest known name when one is close: `dpi` → `ocr.dpi`.
    static func unknownKeyReason(_ name: String) -> String {
        let leaf = name.split(separator: ".").last.map(String.init) ?? name
        let candidates = ConfigurationKey.all.map(\.name)
        let suggestion = candidates.first { $0.split(separator: ".").last.map(String.init) == leaf }
            ?? candidates.map { ($0, $0.editDistance(to: name, limit: 2)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
        return suggestion.map { "unknown key; did you mean '\($0)'?" } ?? "unknown key"
    }
}
