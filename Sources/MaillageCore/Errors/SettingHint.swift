/// A setting of a library call that would mend an error, named in library terms.
///
/// Library messages do not quote command-line flags: an error that a setting mends carries
/// the setting here, and a front end names it in its own terms (the command line appends
/// `--crs EPSG:2154`, a notebook would name the request's property).
public struct SettingHint: Hashable, Sendable {
    /// The setting, in snake case as the library's request and file formats spell it (`crs`, `grid_km`).
    public let setting: String
    /// A value that shows the form the setting takes, when one helps (`EPSG:2154`).
    public let example: String?

    /// A hint at `setting`, with an example value when one helps.
    public init(_ setting: String, example: String? = nil) {
        self.setting = setting
        self.example = example
    }
}
