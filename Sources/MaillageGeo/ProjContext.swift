import CProj

/// One PROJ context with its log captured, so that errors carry PROJ's message.
///
/// PROJ contexts are not thread-safe; an owner keeps each one behind its own lock.
final class ProjContext {
    let handle: OpaquePointer
    private let log = LogBuffer()

    /// Where PROJ's log lines land between two calls.
    final class LogBuffer {
        var lines: [String] = []
    }

    init() {
        handle = proj_context_create()
        proj_log_level(handle, PJ_LOG_ERROR)
        let buffer = Unmanaged.passUnretained(log).toOpaque()
        proj_log_func(handle, buffer) { data, _, message in
            guard let data, let message else { return }
            Unmanaged<LogBuffer>.fromOpaque(data).takeUnretainedValue().lines.append(String(cString: message))
        }
    }

    deinit { proj_context_destroy(handle) }

    /// Forgets earlier messages before a call whose failure must be explained.
    func resetErrors() {
        log.lines.removeAll()
    }

    /// The error PROJ reports for the last call.
    func error(operation: String) -> ProjError {
        let code = proj_context_errno(handle)
        var message = log.lines.last ?? ""
        if message.isEmpty, code != 0, let text = proj_context_errno_string(handle, code) {
            message = String(cString: text)
        }
        if message.isEmpty { message = "no message from PROJ" }
        return ProjError(operation: operation, message: message, code: code)
    }
}
