import LiveHubDomain

/// The body of `GET /v1/report/ongoing`, for tools other than the dashboard:
/// `{"rows":[…],"at":ms}`. Each row has exactly the members of a `report.snapshot` row; `at` is when
/// the hub took the rows, so a tool can advance the wait and handle clocks as the dashboard does.
public enum OngoingReportDocument {
    public static func encode(_ rows: [ReportRow], at: Instant) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + rows.count * 220)
        writer.beginObject()
        writer.key(WireKey.rows)
        writer.beginArray()
        for row in rows { EventEncoder.writeRow(row, into: &writer) }
        writer.endArray()
        writer.field(WireKey.at, at)
        writer.endObject()
        return writer.finish()
    }
}
