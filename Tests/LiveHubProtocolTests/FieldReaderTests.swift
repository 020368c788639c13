import LiveHubDomain
import Testing

@testable import LiveHubProtocol

@Suite("Field reader")
struct FieldReaderTests {
    /// Seventy member names, as the `StaticString`s `FieldReader` reads by.
    static let names: [StaticString] = [
        "k00", "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12", "k13",
        "k14", "k15", "k16", "k17", "k18", "k19", "k20", "k21", "k22", "k23", "k24", "k25", "k26", "k27",
        "k28", "k29", "k30", "k31", "k32", "k33", "k34", "k35", "k36", "k37", "k38", "k39", "k40", "k41",
        "k42", "k43", "k44", "k45", "k46", "k47", "k48", "k49", "k50", "k51", "k52", "k53", "k54", "k55",
        "k56", "k57", "k58", "k59", "k60", "k61", "k62", "k63", "k64", "k65", "k66", "k67", "k68", "k69",
    ]

    static func object(members count: Int) -> JSONObject {
        var object = JSONObject()
        for index in 0..<count { object["\(names[index])"] = .integer(Int64(index)) }
        return object
    }

    static func failure(reading object: JSONObject, skipping skipped: Int?) -> HubError? {
        var reader = FieldReader(object, context: "test")
        for index in 0..<object.count where index != skipped { _ = reader.value(names[index]) }
        do {
            try reader.finish()
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a member nobody read is refused by name, wherever it is, in objects of up to 64 members and beyond",
        arguments: [1, 5, 63, 64, 65, 70])
    func unreadMemberIsRefused(count: Int) {
        #expect(Self.failure(reading: Self.object(members: count), skipping: nil) == nil)
        for skipped in Set([0, count / 2, count - 1, min(63, count - 1), min(64, count - 1)]) {
            #expect(
                Self.failure(reading: Self.object(members: count), skipping: skipped)
                    == .invalidMessage("test: unknown field '\(Self.names[skipped])'"))
        }
    }

    @Test("the first unread member in written order is the one named")
    func firstUnreadIsNamed() {
        var reader = FieldReader(Self.object(members: 70), context: "test")
        for index in 0..<70 where index != 3 && index != 66 { _ = reader.value(Self.names[index]) }
        #expect(throws: HubError.invalidMessage("test: unknown field 'k03'")) { try reader.finish() }
        _ = reader.value(Self.names[3])
        #expect(throws: HubError.invalidMessage("test: unknown field 'k66'")) { try reader.finish() }
    }
}
