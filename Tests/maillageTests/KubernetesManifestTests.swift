import Foundation
import MaillageTestSupport
import Testing

/// Issue 15: the Kubernetes manifests of `scripts/cluster/kubernetes` follow the API's schemas
/// (kubernetes-validate, strict: an unknown or misspelt field is an error), checked offline.
@Suite(
    .enabled(
        if: PythonPeer.requiredOrAvailable(["kubernetes_validate"]),
        "needs kubernetes-validate (scripts/install-test-python.sh)"))
struct KubernetesManifestTests {
    static let folder = PythonPeer.checkout.appendingPathComponent("scripts/cluster/kubernetes")

    func validate(_ paths: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try PythonPeer.run(["-m", "kubernetes_validate", "--strict", "--kubernetes-version", "1.30.0"] + paths)
    }

    @Test func everyManifestValidatesStrictly() throws {
        let manifests = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { Self.folder.appendingPathComponent($0).path }
        #expect(manifests.count == 2)
        let result = try validate(manifests)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            (result.stdout + result.stderr).components(separatedBy: " passed for resource ").count == manifests.count
                + 1)
    }

    /// The validator can fail: the compare job with one field misspelt is refused.
    @Test func aMisspeltFieldIsRefused() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: Self.folder.appendingPathComponent("compare-job.yaml"), encoding: .utf8)
        try #require(text.contains("restartPolicy:"))
        let broken = try folder.write(
            "broken.yaml", text.replacingOccurrences(of: "restartPolicy:", with: "restartPolicyy:"))
        let result = try validate([broken])
        #expect(result.status != 0)
        #expect((result.stdout + result.stderr).contains("restartPolicyy"))
    }
}
