import MaillageCore

/// Names a library ``SettingHint`` as the command-line flag that sets it.
///
/// Library messages say what would mend the input in library terms; the command line adds
/// the flag, so that `import actors` says `(option --crs, for example --crs EPSG:2154)`.
enum FlagHint {
    /// Settings whose flag is not the setting's name in kebab case.
    private static let renamed: [String: String] = [
        "osrm_bin": "--osrm-bin",
        "over75_unit": "--over75-unit",
        "p": "-p",
    ]

    /// The flag that sets `setting` (`grid_km` → `--grid-km`).
    static func flag(_ setting: String) -> String {
        renamed[setting] ?? "--" + setting.replacingOccurrences(of: "_", with: "-")
    }

    /// The flags that give `settings` back to an import, as a parenthesis (empty when there are none).
    static func importFlags(_ settings: [SettingHint]) -> String {
        guard !settings.isEmpty else { return "" }
        let flags = settings.map { hint in flag(hint.setting) + (hint.example.map { " " + $0 } ?? "") }
        return " (import options: \(flags.joined(separator: " ")))"
    }

    /// The hint as a parenthesis to append to the error's message.
    static func sentence(_ hint: SettingHint) -> String {
        let flag = flag(hint.setting)
        guard let example = hint.example else { return " (option \(flag))" }
        return " (option \(flag), for example \(flag) \(example))"
    }
}
