import ArgumentParser

/// The `maillage` command: territorial care-network modelling.
@main
struct Maillage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "Model a territory's care network: accessibility, patient trajectories, scenarios.",
        discussion: """
            Start with the demo:   maillage demo
            Make a territory:      maillage generate --zones 500 --population 600000 --seed 7 --out my.db
            Look inside it:        maillage info my.db

            Exit codes: 0 ok, 64 usage, 65 data error, 66 missing input, 73 cannot create output, 74 I/O error.
            """,
        version: MaillageVersionString.value,
        subcommands: [
            InitCommand.self, InfoCommand.self, GenerateCommand.self, DemoCommand.self,
            ImportCommand.self, ExportCommand.self, AccessCommand.self, LocateCommand.self,
            SimulateCommand.self, ScenarioCommand.self, CompareCommand.self, MergeCommand.self,
            SensitivityCommand.self, CalibrateCommand.self, ReportCommand.self, RepairCommand.self, TravelCommand.self,
        ]
    )

    static func main() {
        main(NegativeValues.attached(Array(CommandLine.arguments.dropFirst())))
    }
}

/// Lets an option take a negative number as its value.
///
/// ArgumentParser reads `--days -3` (or `-p -1`) as the option followed by an unknown option
/// `-3`, and said "Missing value for '--days'"; written `--days=-3` it is the value -3, which
/// the command's checks then refuse with a message about the value itself.
enum NegativeValues {
    static func attached(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            let isOption =
                argument.hasPrefix("--") || (argument.count == 2 && argument.hasPrefix("-") && argument.last!.isLetter)
            if isOption, !argument.contains("="), index + 1 < arguments.count, isNegativeNumber(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    static func isNegativeNumber(_ text: String) -> Bool {
        text.count > 1 && text.hasPrefix("-") && Double(text) != nil
    }
}
