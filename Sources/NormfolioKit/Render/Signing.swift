import Crypto
import Foundation

/// An Ed25519 key pair for signing a site (`build --sign`) and checking it (`verify --key`).
///
/// Keys are PEM files in the standard forms (PKCS #8 for the private key, SubjectPublicKeyInfo
/// for the public one), so OpenSSL reads them too and anyone can check a signature without
/// normfolio: `openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in export/SHA256SUMS
/// -sigfile export/SHA256SUMS.sig`.
public struct SigningKey: Sendable {
    /// The 32-byte seed (swift-crypto's key types are not `Sendable`; bytes are).
    private let seed: Data
    /// The public key, worked out once from the seed when the key was made or read.
    public let publicKey: VerifyingKey

    /// A new random key.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        (seed, publicKey) = (key.rawRepresentation, VerifyingKey(bytes: key.publicKey.rawRepresentation))
    }

    /// Reads a private key from PEM text (`-----BEGIN PRIVATE KEY-----`).
    public init(pem: String) throws {
        let der = try PEM.decode(pem, label: "PRIVATE KEY")
        guard der.count == PEM.privatePrefix.count + 32, der.starts(with: PEM.privatePrefix) else {
            throw KeyError(description: "not an Ed25519 private key (make one with 'normfolio keygen')")
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        } catch {
            throw KeyError(description: "the Ed25519 private key was rejected: \(error)")
        }
        (seed, publicKey) = (key.rawRepresentation, VerifyingKey(bytes: key.publicKey.rawRepresentation))
    }

    /// The private key as PEM text: keep it secret, and outside the portfolio.
    public var pem: String { PEM.encode(PEM.privatePrefix + seed, label: "PRIVATE KEY") }

    /// The signature of `data` (64 bytes). The seed is turned into a key again for each signature
    /// (the key type cannot be shared between threads); should that ever fail, the error says so,
    /// never a signature by another key.
    func signature(for data: Data) throws -> Data {
        try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: data)
    }
}

/// The public half of a `SigningKey`: what an auditor gets to check a signed site.
public struct VerifyingKey: Sendable {
    /// The 32-byte public key.
    private let bytes: Data

    init(bytes: Data) { self.bytes = bytes }

    /// Reads a public key from PEM text (`-----BEGIN PUBLIC KEY-----`).
    public init(pem: String) throws {
        let der = try PEM.decode(pem, label: "PUBLIC KEY")
        guard der.count == PEM.publicPrefix.count + 32, der.starts(with: PEM.publicPrefix) else {
            throw KeyError(description: "not an Ed25519 public key (normfolio keygen writes one as NAME.pub)")
        }
        bytes = try Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32)).rawRepresentation
    }

    /// The public key as PEM text.
    public var pem: String { PEM.encode(PEM.publicPrefix + bytes, label: "PUBLIC KEY") }

    /// A short name for the key, to tell keys apart when they are compared by voice or on paper:
    /// the first 16 hex digits of the SHA-256 of the public key.
    public var id: String { String(Integrity.sha256(bytes).prefix(16)) }

    func isValid(_ signature: Data, for data: Data) -> Bool {
        (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes))?.isValidSignature(signature, for: data) ?? false
    }
}

/// Why a key file could not be used.
public struct KeyError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public var errorDescription: String? { description }
}

/// The fixed DER framing of Ed25519 keys (RFC 8410) and PEM armour (RFC 7468).
enum PEM {
    /// PKCS #8 `PrivateKeyInfo` for Ed25519, up to the 32-byte seed.
    static let privatePrefix = Data([0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20])
    /// `SubjectPublicKeyInfo` for Ed25519, up to the 32-byte key.
    static let publicPrefix = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])

    static func encode(_ der: Data, label: String) -> String {
        let base64 = der.base64EncodedString()
        let lines = stride(from: 0, to: base64.count, by: 64).map { start in
            String(base64.dropFirst(start).prefix(64))
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    static func decode(_ text: String, label: String) throws -> Data {
        let begin = "-----BEGIN \(label)-----", end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex),
            let der = Data(base64Encoded: text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace })
        else {
            throw KeyError(description: "not a PEM file with a \(label.lowercased()) ('\(begin)')")
        }
        return der
    }
}
