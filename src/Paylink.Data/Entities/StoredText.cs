using System.Collections.Frozen;
using System.Text.Json;

namespace Paylink.Data.Entities;

/// <summary>
/// The text a status is stored as in the database and written as on the wire: the member's name in
/// snake_case (<see cref="PaymentIntentStatus.RequiresPaymentMethod"/> is <c>requires_payment_method</c>).
/// Raw SQL that compares a status passes <see cref="Stored{TStatus}"/>, never a literal.
/// </summary>
public static class StoredText
{
    public static string Stored<TStatus>(this TStatus status) where TStatus : struct, Enum =>
        Names<TStatus>.ToText.TryGetValue(status, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(status), status, null);

    /// <summary>The status stored as <paramref name="text"/> (exact, case-sensitive), or false for any other text.</summary>
    public static bool TryParse<TStatus>(string? text, out TStatus status) where TStatus : struct, Enum
    {
        if (text is not null && Names<TStatus>.FromText.TryGetValue(text, out status))
        {
            return true;
        }

        status = default;
        return false;
    }

    public static TStatus Parse<TStatus>(string text) where TStatus : struct, Enum =>
        TryParse<TStatus>(text, out var status) ? status : throw new FormatException($"'{text}' is not a {typeof(TStatus).Name}.");

    /// <summary>Every stored text of <typeparamref name="TStatus"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TStatus>() where TStatus : struct, Enum => Names<TStatus>.InOrder;

    private static class Names<TStatus> where TStatus : struct, Enum
    {
        public static readonly string[] InOrder = Enum.GetValues<TStatus>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();
        public static readonly FrozenDictionary<TStatus, string> ToText = Enum.GetValues<TStatus>().Zip(InOrder).ToFrozenDictionary(p => p.First, p => p.Second);
        public static readonly FrozenDictionary<string, TStatus> FromText = ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
