import EvidenceWeb
import Testing

@Suite struct TokenHashTests {
    /// The stored hash of a token or cookie never changes form: sha256 in lower-case hex.
    @Test func tokenHashesAreLowercaseHexSHA256() {
        #expect(Secrets.hash(token: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Secrets.hash(token: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
