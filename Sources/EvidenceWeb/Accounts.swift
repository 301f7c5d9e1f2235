package import EvidenceModel
package import EvidenceStore

/// Creating accounts and tokens: the secret is made here, returned once, and stored hashed.
package struct Accounts {
    package var store: Store
    package var passwordCost: UInt8

    package init(store: Store, passwordCost: UInt8 = 12) { self.store = store; self.passwordCost = passwordCost }

    /// A person (who may use the pages) gets a one-time password; a program (a consumer, a metrics
    /// scraper) an API token instead.
    package func add(_ account: UserAccount, unit: Submission.Unit? = nil) throws -> String {
        if !AccessPolicy.allows(.pages, account) {
            try store.addUser(account, passwordHash: nil, unit: unit)
            return try issueToken(for: account.name)
        }
        let password = Secrets.password()
        try store.addUser(account, passwordHash: Secrets.hash(password: password, cost: passwordCost), unit: unit)
        return password
    }

    package func issueToken(for name: String) throws -> String {
        let token = Secrets.token()
        try store.addToken(hash: Secrets.hash(token: token), for: name)
        return token
    }
}
