import Foundation

@testable import NormfolioServe

/// Sends raw bytes to a server at `address` and returns everything it answers until it closes the
/// connection (or nothing when no connection can be made). Blocks: call it off the cooperative
/// pool when the server runs in this process (see `PreviewServerTests.exchange`).
func rawExchange(_ request: [UInt8], address: String = "127.0.0.1", port: UInt16, untilFirstLine: Bool = false) -> [UInt8] {
    guard let connection = SocketAddress(address, port: port)?.connect() else { return [] }
    defer { close(connection) }
    _ = request.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while !(untilFirstLine && answer.contains(0x0A)) {
        let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        answer += chunk[..<count]
    }
    return answer
}
