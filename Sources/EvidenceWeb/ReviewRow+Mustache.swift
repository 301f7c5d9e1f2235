import Mustache

/// The review queue's rows (50 a page) read by name without reflection: `ReflectedView` passes a
/// `MustacheParent` through as it is, and reflecting every row (`Mirror`, each stored property
/// copied out) was a fifth of the queue's time (README, "Speed and memory"). `ReviewRowTests`
/// checks that every stored property answers here as `Mirror` reads it, so a new one cannot be missed.
extension ReviewRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "position": position
        case "unit": unit
        case "submission": submission
        case "indicator": indicator
        case "reasonLabel": reasonLabel
        case "reasonCode": reasonCode
        case "message": message
        case "stateLabel": stateLabel
        case "stateClass": stateClass
        // Nil is missing, as swift-mustache reads an optional through `Mirror`.
        case "decidedBy": decidedBy.map { $0 as Any }
        default: nil
        }
    }
}
