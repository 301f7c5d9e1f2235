import Mustache
import Synchronization

/// A page's view, reflected once per value instead of once per name looked up.
///
/// swift-mustache finds a `{{name}}` in a plain Swift value through `Mirror`: a reflection of the
/// value, all of its stored properties copied out, for every name, and again for every value on
/// the context stack it climbs (a flag's row inside a claim inside the page asks the row, the claim
/// and the page). Under load that was most of a page's time (README, "Speed and memory"). Wrapped
/// here, each struct is reflected once, on first use, into a dictionary the library reads through
/// `MustacheParent`; what a template sees is unchanged: the same names, an optional that is nil is
/// missing (so the lookup climbs the stack, as with `Mirror`), arrays are still sections, and
/// anything that is not a plain struct or class (strings, numbers, enums, dates, the library's own
/// protocols) is passed through as it is.
package final class ReflectedView: MustacheParent, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: Any
    private lazy var children: [String: Any] = {
        var children: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            // The first child of a name wins, and an optional is unwrapped one level, nil being
            // missing: as swift-mustache's `Mirror.getValue(forKey:)` reads them.
            guard let label = child.label, children[label] == nil else { continue }
            if Self.treatment(of: child.value) == .optional {
                guard let present = (child.value as? any OptionalValue)?.present else { continue }
                children[label] = Self.wrap(present)
            } else {
                children[label] = Self.wrap(child.value)
            }
        }
        return children
    }()

    private init(_ value: Any) { self.value = value }

    package func child(named name: String) -> Any? { children[name] }

    /// `{{.}}` of a struct, or of an array of them, prints what it printed before.
    package var description: String { String(describing: value) }
    package var debugDescription: String { String(reflecting: value) }

    /// The value as templates should read it: a plain struct or class wrapped, an array's elements
    /// wrapped, anything else as it is.
    package static func wrap(_ value: Any) -> Any {
        switch treatment(of: value) {
        case .asIs, .optional: value
        case .elements: (value as? any ArrayValue)?.elements.map(wrap) ?? value
        case .reflected: ReflectedView(value)
        }
    }

    private enum Treatment { case asIs, optional, elements, reflected }

    /// What a value's type gets, decided on its first value and remembered by type: casts to a
    /// protocol and `Mirror` cost a lookup in the runtime's tables each, which for every value of a
    /// page was the next largest cost once names were no longer looked up through `Mirror`.
    private static func treatment(of value: Any) -> Treatment {
        let type = type(of: value)
        let key = ObjectIdentifier(type)
        if let known = treatments.withLock({ $0[key] }) { return known }
        let treatment: Treatment
        if type is any ArrayValue.Type {
            treatment = .elements
        } else if type is any OptionalValue.Type {
            treatment = .optional
        } else if type is any MustacheParent.Type || type is any MustacheCustomRenderable.Type || type is MustacheLambda.Type
            || type is MustacheTemplate.Type || type is any MustacheCustomRepresentation.Type
            || type is any MustacheTransformable.Type || type is any CustomStringConvertible.Type {
            treatment = .asIs  // speaks for itself to swift-mustache, or prints itself (`Date`, `URL`, `Decimal`)
        } else {
            switch Mirror(reflecting: value).displayStyle {
            case .struct?, .class?: treatment = .reflected
            default: treatment = .asIs  // enums, tuples, sets and dictionaries: as swift-mustache reads them
            }
        }
        treatments.withLock { $0[key] = treatment }
        return treatment
    }

    private static let treatments = Mutex<[ObjectIdentifier: Treatment]>([:])
}

/// An `Array` of any element, seen as `[Any]`.
private protocol ArrayValue { var elements: [Any] { get } }
extension Array: ArrayValue { var elements: [Any] { map { $0 } } }

/// An `Optional` of any wrapped type, unwrapped one level.
private protocol OptionalValue { var present: Any? { get } }
extension Optional: OptionalValue { var present: Any? { map { $0 } } }
