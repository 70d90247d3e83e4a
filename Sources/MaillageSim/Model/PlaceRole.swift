/// A long-stay place: nursing care at home (SSIAD), hospital at home (HAD), or a nursing home
/// (EHPAD). The raw value indexes the engine's per-role arrays.
enum PlaceRole: Int, Sendable, CaseIterable {
    case ssiad, had, ehpad
}
