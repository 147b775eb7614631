namespace Paylink.Data.Entities;

/// <summary>An event, written in the same transaction as the change it records (the webhook outbox).</summary>
public sealed class EventRecord
{
    /// <summary>Insertion order, for delivering events in order.</summary>
    public long Sequence { get; set; }

    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public required string Type { get; set; }

    /// <summary>The object as the API showed it at that moment.</summary>
    public required string DataJson { get; set; }

    /// <summary>
    /// False until the dispatcher has written this event's deliveries (one per listening endpoint);
    /// a flag rather than a sequence cursor, since events may commit out of sequence order.
    /// </summary>
    public bool FannedOut { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
