using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace Paylink.Client;

/// <summary>
/// Base of the bodies of partial updates (<c>PUT</c>). It remembers which properties were assigned:
/// a property never assigned is left out of the request (that field keeps its value), and one assigned
/// <c>null</c> is sent as <c>null</c> (an optional field goes back to its default; <c>Metadata = null</c>
/// clears all metadata). Serialize it with <see cref="PaylinkJson.Options"/>, which knows this rule.
/// </summary>
public abstract class UpdateOptions
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    /// <summary>Whether the property named <paramref name="propertyName"/> (its C# name) was assigned, even to null.</summary>
    public bool IsSet(string propertyName) => values.ContainsKey(propertyName);

    /// <summary>Forgets an assignment, so the field is left out of the request again.</summary>
    public void Unset(string propertyName) => values.Remove(propertyName);

    /// <summary>The assigned value, or default when unset.</summary>
    protected T? Get<T>([CallerMemberName] string propertyName = "") =>
        values.TryGetValue(propertyName, out var value) ? (T?)value : default;

    /// <summary>Records an assignment.</summary>
    protected void Set<T>(T? value, [CallerMemberName] string propertyName = "") => values[propertyName] = value;

    /// <summary>Writes a property of an update only when it was assigned, and then even when null.</summary>
    internal static void OmitUnset(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(UpdateOptions).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is System.Reflection.MemberInfo member)
            {
                var name = member.Name;
                property.ShouldSerialize = (owner, _) => ((UpdateOptions)owner).IsSet(name);
            }
        }
    }
}
