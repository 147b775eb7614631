using System.Text;
using Paylink.Server.Features.Compat;

namespace Paylink.Compat.Tests;

/// <summary>The canonical text the client signs: its key order, string escapes, numbers and query parsing.</summary>
public sealed class CanonicalFormTests
{
    private static string Canonical(string json) => CanonicalJson.Write(CanonicalJson.Parse(Encoding.UTF8.GetBytes(json)));

    private static string Query(string query) => CanonicalJson.Write(NodeQueryString.Parse(query));

    [Fact]
    public void Keys_sort_by_UTF16_code_units_at_every_level()
    {
        // U+1F600 is the surrogate pair D83D DE00, so it sorts before U+FFFF, unlike by code point.
        Assert.Equal("{\"Z\":1,\"a\":{\"B\":[{\"c\":2,\"d\":1}],\"b\":2},\"é\":3,\"😀\":4,\"\uffff\":5}",
            Canonical("{\"\uffff\":5,\"😀\":4,\"é\":3,\"a\":{\"b\":2,\"B\":[{\"d\":1,\"c\":2}]},\"Z\":1}"));
    }

    [Fact]
    public void Strings_escape_only_quotes_backslashes_and_control_characters()
    {
        Assert.Equal("""{"s":"\"\\/\b\f\n\r\t\u0001\u001f""" + "\u007f\u2028é😀\"}",
            Canonical("""{"s":"\"\\\/\b\f\n\r\t\u0001\u001F\u007f\u2028\u00e9\ud83d\ude00"}"""));
    }

    [Fact]
    public void A_lone_surrogate_stays_escaped_as_JSON_stringify_writes_it()
    {
        Assert.Equal("""["a\ud800b","\udc00"]""", Canonical("""["a\uD800b","\udc00"]"""));
    }

    [Fact]
    public void Numbers_and_literals_keep_the_bodys_text_and_a_repeated_key_keeps_its_last_value()
    {
        Assert.Equal("""{"a":1.50,"b":-2e-7,"c":[true,false,null],"d":2}""", Canonical("""{ "d" : 1, "c":[true, false, null], "b":-2e-7, "a":1.50, "d":2 }"""));
    }

    [Theory]
    [InlineData("order%5B0%5D=updated_at&order%5B1%5D=DESC&pageSize=2&livemode=false", """{"livemode":"false","order":["updated_at","DESC"],"pageSize":"2"}""")]
    [InlineData("order%5B0%5D%5B0%5D=name&order%5B0%5D%5B1%5D=ASC", """{"order":[["name","ASC"]]}""")]
    [InlineData("a[1]=y&a[0]=x&b=1&b=2&c[]=p&c[]=q", """{"a":["x","y"],"b":["1","2"],"c":["p","q"]}""")]
    [InlineData("n%5Ba%5D=1&n%5Bb%20c%5D=x%2By&n[d][e][0]=p", """{"n":{"a":"1","b c":"x+y","d":{"e":["p"]}}}""")]
    [InlineData("q=spring+sale%21&empty=&flag", """{"empty":"","flag":"","q":"spring sale!"}""")]
    [InlineData("starting_after=pl_a%20b%26c%3Dd%2F%C3%A9", """{"starting_after":"pl_a b&c=d/é"}""")]
    [InlineData("bad=%E0%A4%A&worse=%ZZ", """{"bad":"%E0%A4%A","worse":"%ZZ"}""")]
    [InlineData("toString=x&a[constructor]=y&ok=1", """{"ok":"1"}""")]
    [InlineData("a[0]=v&a[1]=w&a[2]=x&a[19]=y", """{"a":["v","w","x","y"]}""")]
    [InlineData("a[20]=x&a[2]=y", """{"a":{"2":"y","20":"x"}}""")]
    [InlineData("", "{}")]
    public void Query_strings_parse_as_the_clients_qs_does(string query, string expected)
    {
        Assert.Equal(expected, Query(query));
    }
}
