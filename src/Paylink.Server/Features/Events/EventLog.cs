using System.Text.Json;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Events;

/// <summary>
/// Records events in the caller's unit of work, so an event exists exactly when the change it
/// describes was committed (the outbox the webhook dispatcher reads).
/// </summary>
public static class EventLog
{
    public static void Record<T>(PaylinkDbContext db, EventType type, bool livemode, T wireObject, DateTime now)
    {
        db.Events.Add(Create(type, livemode, wireObject, now));
        db.EventsAdded = true;
    }

    /// <summary>The event row, for a caller that writes it itself (then it sets <see cref="PaylinkDbContext.EventsAdded"/>).</summary>
    public static EventRecord Create<T>(EventType type, bool livemode, T wireObject, DateTime now) => new()
    {
        Id = Ids.New("evt"),
        Livemode = livemode,
        Type = type.Name,
        DataJson = JsonSerializer.Serialize(wireObject, ServerJson.Options),
        CreatedAt = now,
        UpdatedAt = now,
    };
}
