using System.Text.Json;
using Paylink.Data.Entities;
using Paylink.Server.Features.Events;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Webhooks;

/// <summary>What an endpoint listens for, and the checks of its fields.</summary>
public static class WebhookEndpointRules
{
    public const string AllEvents = "*";
    public const int MaxEnabledEvents = 50;

    public static bool Listens(WebhookEndpointRecord endpoint, string eventType)
    {
        var events = endpoint.EnabledEvents;
        return events.Contains(AllEvents) || events.Contains(eventType);
    }

    /// <summary>Reads <c>enabled_events</c>: <c>["*"]</c> alone, or known event types, each once.</summary>
    public static List<string>? ReadEnabledEvents(JsonFields f, bool required)
    {
        if (f.Array("enabled_events", 1, MaxEnabledEvents, required) is not { } items)
        {
            return null;
        }

        var types = new List<string>();
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } type)
            {
                f.Validation.Add(path, $"{path} must be a string.");
                continue;
            }

            if (type != AllEvents && !EventType.IsKnown(type))
            {
                f.Validation.Add(path, $"{path} is not an event type: '{type}'. Use \"*\" or one of: {string.Join(", ", EventType.All.Select(t => t.Name))}.");
            }
            else if (types.Contains(type))
            {
                f.Validation.Add(path, $"{path} lists '{type}' twice.");
            }
            else
            {
                types.Add(type);
            }
        }

        if (types.Contains(AllEvents) && types.Count > 1)
        {
            f.Validation.Add(f.Param("enabled_events"), "enabled_events is either [\"*\"] or a list of event types, not both.");
        }

        return types;
    }
}
