namespace Paylink.Data.Entities;

/// <summary>Where a merchant wants events of one mode sent.</summary>
public sealed class WebhookEndpointRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public required string Url { get; set; }

    /// <summary><c>["*"]</c> or event types (stored as a JSON array).</summary>
    public List<string> EnabledEvents { get; set; } = ["*"];

    public string? Description { get; set; }
    public WebhookEndpointStatus Status { get; set; } = WebhookEndpointStatus.Enabled;

    /// <summary>Set when a delivery failed past its last retry; cleared by the next successful delivery.</summary>
    public bool Failing { get; set; }

    public string MetadataJson { get; set; } = "{}";

    /// <summary>The signing secret, encrypted with Data Protection (it must be read back to sign).</summary>
    public required string SecretProtected { get; set; }

    /// <summary>The server instance sending this endpoint's deliveries, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
