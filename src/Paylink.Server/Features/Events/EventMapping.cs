using System.Text.Json.Nodes;
using Paylink.Client;
using Paylink.Data.Entities;

namespace Paylink.Server.Features.Events;

public static class EventMapping
{
    public static Event ToWire(EventRecord e) => new()
    {
        Id = e.Id,
        Object = "event",
        Type = e.Type,
        Livemode = e.Livemode,
        CreatedAt = e.CreatedAt,
        Data = new EventData { Object = JsonNode.Parse(e.DataJson) as JsonObject ?? [] },
    };
}
