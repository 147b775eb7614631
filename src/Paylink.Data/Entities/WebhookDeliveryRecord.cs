namespace Paylink.Data.Entities;

/// <summary>One event owed to one endpoint; it exists before the first attempt to send it.</summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }
    public required string EndpointId { get; set; }
    public WebhookEndpointRecord? Endpoint { get; set; }

    /// <summary>The event's <see cref="EventRecord.Sequence"/>: deliveries of an endpoint go out in this order.</summary>
    public long EventSequence { get; set; }

    public EventRecord? Event { get; set; }

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    /// <summary>Attempts made so far, over the delivery's whole life.</summary>
    public int Attempts { get; set; }

    /// <summary>Failures since the schedule last started; picks the next retry delay.</summary>
    public int Failures { get; set; }

    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
