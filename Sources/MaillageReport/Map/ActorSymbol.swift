import MaillageCore

/// How an actor is drawn on a map: emergency departments stand out, other sites stay small.
enum ActorSymbol: Int, CaseIterable, Comparable {
    case site
    case nursingHome
    case homeNursing
    case hospitalAtHome
    case gp
    case hospital
    case emergency

    /// The symbol of an actor, or nil when the map leaves it out: maps show hospitals and
    /// the study's sites, since thousands of other establishments would hide the zones; with
    /// `byKind`, every place of care a simulation uses, each kind its own shape.
    static func of(_ actor: Actor, sites: SiteSelection, byKind: Bool = false) -> ActorSymbol? {
        if actor.kind == .hospital { return actor.offers("emergency") ? .emergency : .hospital }
        if byKind {
            switch actor.kind {
            case .gp, .msp, .healthCentre: return .gp
            case .ssiad: return .homeNursing
            case .had: return .hospitalAtHome
            case .ehpad: return .nursingHome
            default: return nil
            }
        }
        return sites.contains(actor) ? .site : nil
    }

    static func < (lhs: ActorSymbol, rhs: ActorSymbol) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The SVG element at (x, y), with a white halo so it shows on dark and light classes.
    func svg(x: Double, y: Double, title: String) -> String {
        let tooltip = "<title>\(HTMLText.escape(title))</title>"
        let px = SVGPath.number(x)
        let py = SVGPath.number(y)
        switch self {
        case .site:
            return
                "<circle class=\"site\" cx=\"\(px)\" cy=\"\(py)\" r=\"2.6\" fill=\"#252525\" stroke=\"#fff\" stroke-width=\"0.8\">\(tooltip)</circle>"
        case .hospital:
            return
                "<rect class=\"hospital\" x=\"\(SVGPath.number(x - 3.5))\" y=\"\(SVGPath.number(y - 3.5))\" width=\"7\" height=\"7\" fill=\"#525252\" stroke=\"#fff\" stroke-width=\"1\">\(tooltip)</rect>"
        case .gp:
            return
                "<circle class=\"gp\" cx=\"\(px)\" cy=\"\(py)\" r=\"2.8\" fill=\"#0b3d91\" stroke=\"#fff\" stroke-width=\"0.8\">\(tooltip)</circle>"
        case .homeNursing:
            return
                "<path class=\"ssiad\" transform=\"translate(\(px) \(py))\" d=\"M0 -4.6L4.2 3H-4.2Z\" fill=\"#e69f00\" stroke=\"#252525\" stroke-width=\"0.7\">\(tooltip)</path>"
        case .hospitalAtHome:
            return
                "<path class=\"had\" transform=\"translate(\(px) \(py))\" d=\"M0 -4.5L4.5 0L0 4.5L-4.5 0Z\" fill=\"#cc79a7\" stroke=\"#252525\" stroke-width=\"0.7\">\(tooltip)</path>"
        case .nursingHome:
            return
                "<rect class=\"ehpad\" x=\"\(SVGPath.number(x - 3))\" y=\"\(SVGPath.number(y - 3))\" width=\"6\" height=\"6\" fill=\"#ffffff\" stroke=\"#252525\" stroke-width=\"1.2\">\(tooltip)</rect>"
        case .emergency:
            return
                "<path class=\"emergency\" transform=\"translate(\(px) \(py))\" d=\"\(Self.crossPath)\" fill=\"\(SequentialPalette.alert)\" stroke=\"#fff\" stroke-width=\"1.2\">\(tooltip)</path>"
        }
    }

    /// A plus sign 14 units wide, the hospital cross.
    static let crossPath = "M-2.5 -7H2.5V-2.5H7V2.5H2.5V7H-2.5V2.5H-7V-2.5H-2.5Z"

    func legendLabel(sites: SiteSelection) -> String {
        switch self {
        case .emergency: "Emergency department"
        case .hospital: "Other hospital"
        case .gp: "GP practice, MSP or health centre"
        case .homeNursing: "Home nursing service (SSIAD)"
        case .hospitalAtHome: "Hospital at home (HAD)"
        case .nursingHome: "Nursing home (EHPAD)"
        case .site:
            "Site of the study: "
                + sites.kinds.filter { $0 != .hospital }.map(ActorLabel.plural).sorted().joined(separator: ", ")
        }
    }
}
