using System.Text.Json.Nodes;

namespace Paylink.Client;

/// <summary>The body of <c>PUT /api/customers/{id}</c>: only the fields present change; <c>metadata</c> merges.</summary>
public sealed class CustomerUpdateOptions : UpdateOptions
{
    /// <summary>Name; null removes it.</summary>
    public string? Name { get => Get<string>(); set => Set(value); }

    /// <summary>Email, unique per mode.</summary>
    public string? Email { get => Get<string>(); set => Set(value); }

    /// <summary>Phone; null removes it.</summary>
    public string? Phone { get => Get<string>(); set => Set(value); }

    /// <summary>Billing address (replaces the stored one); null removes it.</summary>
    public Address? Address { get => Get<Address>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}
