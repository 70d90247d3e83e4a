import Foundation
import MaillageTestSupport
import Testing

/// Issue 15: the Slurm scripts run under a real Slurm, not only on paper.
///
/// `scripts/cluster/test-slurm.sh` starts a single-node Slurm (slurmctld and slurmd on
/// loopback, auth/none) in a folder of its own, submits a comparison, a sensitivity run and a
/// calibration through `submit-slurm.sh` (array tasks, then the merge job they gate), checks each merged
/// result against the one-machine run byte for byte, makes one task fail and reruns it alone,
/// and stops the daemons. CI installs Slurm (`scripts/install-deps.sh --test`): there, its
/// absence is a failure.
@Suite(
    .serialized,
    .enabled(
        if: SlurmInstallation.shouldRun,
        "needs Slurm (scripts/install-deps.sh --test); CI=true makes its absence a failure"))
struct SlurmClusterTests {
    @Test func shardedSweepsOnARealSlurmEqualTheOneMachineResults() throws {
        try #require(SlurmInstallation.isInstalled, "Slurm is not installed: run scripts/install-deps.sh --test")
        let folder = try TemporaryFolder()
        let script = OSRMBinaries.packageRoot.appendingPathComponent("scripts/cluster/test-slurm.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, folder.path("slurm")]
        var environment = ProcessInfo.processInfo.environment
        environment["MAILLAGE"] = CommandLineTests.binary.path
        process.environment = environment
        let log = folder.path("log.txt")
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOfFile: log, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(output.suffix(3000))")
        #expect(output.contains("slurm test: passed"))
        #expect(output.components(separatedBy: "equal the one-machine results").count == 5, "\(output.suffix(2000))")
        // The daemons are gone with the test: no process names its configuration any more.
        let configuration = folder.path("slurm/slurm.conf")
        var left = LiveProcesses.mentioning(configuration)
        for _ in 0..<50 where !left.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            left = LiveProcesses.mentioning(configuration)
        }
        #expect(left.isEmpty, "Slurm daemons still running: \(left)")
    }
}

/// Whether Debian's Slurm packages are here, and whether their absence fails the run.
enum SlurmInstallation {
    static var isInstalled: Bool {
        ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var shouldRun: Bool { isInstalled || SharedData.isRequired }
}
