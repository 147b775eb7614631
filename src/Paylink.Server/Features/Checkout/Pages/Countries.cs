using System.Collections.Frozen;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>The countries the billing address offers, by ISO 3166 code.</summary>
public static class Countries
{
    public static readonly IReadOnlyList<(string Code, string Name)> All = Parse(
        "AR:Argentina|AU:Australia|AT:Austria|BE:Belgium|BR:Brazil|BG:Bulgaria|CA:Canada|CL:Chile|CN:China|CO:Colombia|" +
        "HR:Croatia|CY:Cyprus|CZ:Czechia|DK:Denmark|EG:Egypt|EE:Estonia|FI:Finland|FR:France|DE:Germany|GR:Greece|" +
        "HK:Hong Kong|HU:Hungary|IS:Iceland|IN:India|ID:Indonesia|IE:Ireland|IL:Israel|IT:Italy|JP:Japan|KE:Kenya|" +
        "KR:South Korea|LV:Latvia|LT:Lithuania|LU:Luxembourg|MO:Macao|MY:Malaysia|MT:Malta|MX:Mexico|NL:Netherlands|" +
        "NZ:New Zealand|NG:Nigeria|NO:Norway|PE:Peru|PH:Philippines|PL:Poland|PT:Portugal|RO:Romania|SA:Saudi Arabia|" +
        "SG:Singapore|SK:Slovakia|SI:Slovenia|ZA:South Africa|ES:Spain|SE:Sweden|CH:Switzerland|TW:Taiwan|TH:Thailand|" +
        "TR:Türkiye|UA:Ukraine|AE:United Arab Emirates|GB:United Kingdom|US:United States|VN:Vietnam");

    private static readonly FrozenSet<string> Codes = All.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string code) => Codes.Contains(code);

    private static List<(string, string)> Parse(string list) =>
        list.Split('|').Select(pair => pair.Split(':', 2)).Select(p => (p[0], p[1])).ToList();
}
