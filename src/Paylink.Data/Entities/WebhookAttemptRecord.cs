namespace Paylink.Data.Entities;

/// <summary>One try to send a delivery, kept for the merchant to inspect.</summary>
public sealed class WebhookAttemptRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public required string EndpointId { get; set; }
    public long DeliveryId { get; set; }
    public required string EventId { get; set; }
    public required string EventType { get; set; }

    /// <summary>1 for the first attempt of the delivery, 2 for the next…</summary>
    public int Attempt { get; set; }

    public bool Succeeded { get; set; }
    public int? StatusCode { get; set; }
    public long DurationMs { get; set; }

    /// <summary>The start of the receiver's answer, at most 1 KiB.</summary>
    public string? ResponseExcerpt { get; set; }

    /// <summary>Why no answer came (timeout, connection refused, refused address); null when one came.</summary>
    public string? Error { get; set; }

    /// <summary>When the next try is due; null when none will follow.</summary>
    public DateTime? NextRetryAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
