namespace Paylink.Client;

/// <summary>A currency payments can be taken in.</summary>
public sealed class PaymentCurrency : ApiObject
{
    /// <summary>The currency's English name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The symbol shown before amounts, for example <c>$</c>.</summary>
    public string Symbol { get; set; } = "";

    /// <summary>How many minor-unit places amounts have (<c>jpy</c> 0, most others 2).</summary>
    public int Decimal { get; set; }

    /// <summary>Whether prices and links may use it.</summary>
    public bool Active { get; set; }
}
