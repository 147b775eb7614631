using Paylink.Data;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// Bodies of link retrieves (the link with its line items expanded, as JSON) as last written, by mode,
/// id or lookup_key and base URL, on SQLite, for as long as no write has been committed since
/// (<see cref="SqliteCommitCounter"/>, the rule of the kept rows they are made from): a link polled
/// by a client is serialized once, not on every retrieve. On PostgreSQL every retrieve is written anew.
/// </summary>
public sealed class LinkResponses(string? sqliteDatabase)
{
    private readonly KeptUntilWrite<(bool Livemode, string IdOrLookupKey, string BaseUrl), byte[]> _bodies = new(sqliteDatabase, capacity: 4096);

    /// <summary>The count of finished writes to read under (before the link is read), or null when bodies are not kept.</summary>
    public long? Writes => _bodies.Writes;

    public byte[]? Find(bool livemode, string idOrLookupKey, string baseUrl, long? writes) =>
        _bodies.TryFind((livemode, idOrLookupKey, baseUrl), writes, out var body) ? body : null;

    public void Keep(bool livemode, string idOrLookupKey, string baseUrl, long? writes, byte[] body) =>
        _bodies.Keep((livemode, idOrLookupKey, baseUrl), writes, body);
}
