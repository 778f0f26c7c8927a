namespace MediaMonitor.Matching.Rules;

/// <summary>
/// Parses a watchlist rule, a boolean query (words, quoted phrases, AND/OR/NOT, NEAR/ONEAR, <c>title:</c>,
/// <c>body:</c>, <c>lang:</c>), into a <see cref="RuleNode"/> tree. The syntax as users write it is described in the
/// README, section "Watchlist rules"; the bounds are <see cref="RuleLimits"/>.
/// </summary>
/// <remarks>
/// A single pass with one token of look-ahead; nesting is checked before every recursion, so hostile input gets an
/// error, never a stack overflow. Errors are <see cref="RuleSyntaxException"/>s; the first one in text order wins
/// (the length limit is met where the text passes 4,000 characters). Chains of one operator become one node:
/// <c>a OR b OR (c OR d)</c> is one OR of four.
/// </remarks>
public static class RuleParser
{
    internal const string ExpectedOperand = "a word, a quoted phrase or '('";

    /// <summary>Parses a rule, or throws <see cref="RuleSyntaxException"/> saying where and what was expected.</summary>
    public static RuleNode Parse(string text) => new Parser(text ?? "").ParseRule();

    internal static RuleSyntaxException Error(int position, string expected, string message) =>
        new(position, expected, message);

    /// <summary>A node and where its text starts, including an opening parenthesis or a field prefix around it.</summary>
    private readonly record struct Parsed(RuleNode Node, int Start);

    private sealed class Parser(string text)
    {
        private readonly RuleLexer _lexer = new(text);
        private RuleToken _token;
        private int _depth;
        private int _phrases;
        private int _wildcards;

        public RuleNode ParseRule()
        {
            Advance();
            if (_token.Kind == RuleTokenKind.End)
                throw Error(0, ExpectedOperand, "The rule is empty: write at least a word or a quoted phrase.");
            var root = ParseOr(null);
            if (_token.Kind == RuleTokenKind.RParen)
                throw Error(_token.Position, "an operator or the end of the rule",
                    $"The ')' at position {_token.Position} closes no '('.");
            if (_token.Kind != RuleTokenKind.End) throw Unexpected("an operator or the end of the rule");
            CheckFindsSomething(root.Node);
            return root.Node;
        }

        private void Advance() => _token = _lexer.Next();

        // or := and (OR and)*
        private Parsed ParseOr(Scope? field)
        {
            var first = ParseAnd(field);
            if (_token.Kind != RuleTokenKind.Or) return first;
            var operands = new List<Parsed> { first };
            while (_token.Kind == RuleTokenKind.Or)
            {
                Advance();
                operands.Add(ParseAnd(field));
            }
            return new Parsed(new OrNode(first.Start, Flatten(operands, n => (n as OrNode)?.Operands)), first.Start);
        }

        // and := near ((AND)? near)*   — juxtaposition is AND; "a NOT b" is a AND (NOT b)
        private Parsed ParseAnd(Scope? field)
        {
            var first = ParseNear(field);
            List<Parsed>? operands = null;
            while (true)
            {
                if (_token.Kind == RuleTokenKind.And) Advance();
                else if (!StartsOperand(_token.Kind)) break;
                (operands ??= [first]).Add(ParseNear(field));
            }
            return operands is null
                ? first
                : new Parsed(new AndNode(first.Start, Flatten(operands, n => (n as AndNode)?.Operands)), first.Start);
        }

        private static bool StartsOperand(RuleTokenKind kind) => kind is RuleTokenKind.Word or RuleTokenKind.Phrase
            or RuleTokenKind.LParen or RuleTokenKind.Not or RuleTokenKind.Field or RuleTokenKind.Lang;

        // near := unary ((NEAR/n | ONEAR/n) unary)*
        private Parsed ParseNear(Scope? field)
        {
            var left = ParseUnary(field);
            while (_token.Kind == RuleTokenKind.Near)
            {
                var near = _token;
                CheckNearSide(left.Node, near, left.Node is NearNode ? near.Position : left.Node.Position);
                Advance();
                var right = ParseUnary(field);
                CheckNearSide(right.Node, near, right.Node.Position);
                CheckNearFields(left.Node, right.Node, near);
                left = new Parsed(new NearNode(left.Start, left.Node, right.Node, near.Number!.Value, near.Flag), left.Start);
            }
            return left;
        }

        // unary := NOT unary | primary
        private Parsed ParseUnary(Scope? field)
        {
            if (_token.Kind != RuleTokenKind.Not) return ParsePrimary(field);
            var not = _token;
            Enter(not.Position);
            Advance();
            var operand = ParseUnary(field);
            _depth--;
            return new Parsed(new NotNode(not.Position, operand.Node), not.Position);
        }

        // primary := word | phrase | '(' or ')' | field primary | lang
        private Parsed ParsePrimary(Scope? field)
        {
            var token = _token;
            switch (token.Kind)
            {
                case RuleTokenKind.Word:
                case RuleTokenKind.Phrase:
                    Advance();
                    return new Parsed(MakePhrase(token, field?.Field), token.Position);

                case RuleTokenKind.LParen:
                {
                    Enter(token.Position);
                    Advance();
                    if (_token.Kind == RuleTokenKind.RParen)
                        throw Error(_token.Position, ExpectedOperand,
                            $"Expected {ExpectedOperand} at position {_token.Position} but found ')': the parentheses at position {token.Position} are empty.");
                    var inner = ParseOr(field);
                    if (_token.Kind == RuleTokenKind.End)
                        throw Error(token.Position, "')'", $"The '(' at position {token.Position} is never closed.");
                    if (_token.Kind != RuleTokenKind.RParen) throw Unexpected("')'");
                    _depth--;
                    Advance();
                    return new Parsed(inner.Node, token.Position);
                }

                case RuleTokenKind.Field:
                {
                    var name = FieldName(token.Field!.Value);
                    if (field is { } outer && outer.Field != token.Field)
                        throw Error(token.Position, $"no field, or {FieldName(outer.Field)}",
                            $"'{name}' at position {token.Position} conflicts with '{FieldName(outer.Field)}' at position {outer.Position}: a phrase is in one field only.");
                    Advance();
                    if (_token.Kind is not (RuleTokenKind.Word or RuleTokenKind.Phrase or RuleTokenKind.LParen))
                        throw Error(_token.Position, ExpectedOperand,
                            $"Expected {ExpectedOperand} after '{name}' at position {_token.Position} but found {_token.Describe()}.");
                    var inner = ParsePrimary(new Scope(token.Field.Value, token.Position));
                    return new Parsed(inner.Node, token.Position);
                }

                case RuleTokenKind.Lang:
                    if (field is { } scope)
                        throw Error(token.Position, ExpectedOperand,
                            $"'{token.Source}' at position {token.Position} cannot stand inside '{FieldName(scope.Field)}' (position {scope.Position}): the language belongs to the whole article. Put it beside the field with AND.");
                    Advance();
                    return new Parsed(new LangNode(token.Position, token.Text), token.Position);

                default:
                    throw Unexpected(ExpectedOperand, token.Kind is RuleTokenKind.And or RuleTokenKind.Or
                        ? $" {token.Source} joins two operands; to search for the word itself, write it in lower case or in quotes."
                        : "");
            }
        }

        private RuleSyntaxException Unexpected(string expected, string hint = "") =>
            Error(_token.Position, expected,
                $"Expected {expected} at position {_token.Position} but found {_token.Describe()}.{hint}");

        private void Enter(int position)
        {
            if (++_depth > RuleLimits.MaxDepth)
                throw Error(position, $"at most {RuleLimits.MaxDepth} nested parentheses and NOTs",
                    $"The rule nests too deep at position {position}: at most {RuleLimits.MaxDepth} levels of parentheses and NOT are allowed.");
        }

        private PhraseNode MakePhrase(RuleToken token, ArticleField? field)
        {
            if (++_phrases > RuleLimits.MaxPhrases)
                throw Error(token.Position, $"at most {RuleLimits.MaxPhrases} words and phrases",
                    $"The rule has more than {RuleLimits.MaxPhrases} words and phrases (the one at position {token.Position} is number {_phrases}); the limit is {RuleLimits.MaxPhrases}. Split it into several watchlists.");
            if (token.Flag && ++_wildcards > RuleLimits.MaxWildcards)
                throw Error(token.Position, $"at most {RuleLimits.MaxWildcards} wildcards",
                    $"The rule has more than {RuleLimits.MaxWildcards} wildcards (the one at position {token.Position} is number {_wildcards}); the limit is {RuleLimits.MaxWildcards}.");
            return new PhraseNode(token.Position, token.Text, token.Number, token.Flag, field);
        }

        private static RuleNode[] Flatten(List<Parsed> operands, Func<RuleNode, IReadOnlyList<RuleNode>?> same)
        {
            var result = new List<RuleNode>(operands.Count);
            foreach (var operand in operands)
            {
                if (same(operand.Node) is { } inner) result.AddRange(inner);
                else result.Add(operand.Node);
            }
            return [.. result];
        }

        // ---- NEAR sides ------------------------------------------------------------------------------------------

        private const string ExpectedNearSide = "a word, a quoted phrase or an OR of them in parentheses";

        private static void CheckNearSide(RuleNode side, RuleToken near, int position)
        {
            if (side is PhraseNode) return;
            if (side is OrNode or)
            {
                foreach (var alternative in or.Operands)
                    if (alternative is not PhraseNode)
                        throw NearSideError(alternative, near, alternative.Position, " inside the OR");
                return;
            }
            throw NearSideError(side, near, position, "");
        }

        private static RuleSyntaxException NearSideError(RuleNode side, RuleToken near, int position, string where)
        {
            var op = near.Source;
            var message = side switch
            {
                NotNode => $"NOT at position {position}{where} cannot be a side of {op} (position {near.Position}): proximity is measured between words that are there. To exclude the pair, write NOT (a {op} b).",
                AndNode => $"The AND (or words side by side) at position {position}{where} cannot be a side of {op} (position {near.Position}): each side must be {ExpectedNearSide}. For words side by side use a quoted phrase; otherwise join two proximities with AND.",
                LangNode => $"'lang:' at position {position}{where} cannot be a side of {op} (position {near.Position}): it has no position in the text. Join it to the proximity with AND.",
                NearNode => $"{op} at position {near.Position} cannot take {(position == near.Position ? "another proximity" : $"the proximity at position {position}{where}")} as a side: proximities cannot be chained or nested. Join them with AND: (a NEAR/3 b) AND (b NEAR/3 c).",
                _ => $"The expression at position {position}{where} cannot be a side of {op} (position {near.Position}): each side must be {ExpectedNearSide}.",
            };
            return Error(position, ExpectedNearSide, message);
        }

        private static void CheckNearFields(RuleNode left, RuleNode right, RuleToken near)
        {
            var l = FieldsOf(left);
            var r = FieldsOf(right);
            if (l.Contains(null) || r.Contains(null) || l.Overlaps(r)) return;
            throw Error(near.Position, "both sides of NEAR in the same field",
                $"{near.Source} at position {near.Position} measures distance within one field, but its sides are in different fields ({string.Join(", ", l.Select(f => FieldName(f!.Value)))} and {string.Join(", ", r.Select(f => FieldName(f!.Value)))}): it could never match.");
        }

        private static HashSet<ArticleField?> FieldsOf(RuleNode side) => side switch
        {
            PhraseNode p => [p.Field],
            OrNode o => [.. o.Operands.Select(x => ((PhraseNode)x).Field)],
            _ => [],
        };

        private static string FieldName(ArticleField field) => field == ArticleField.Title ? "title:" : "body:";

        // ---- a rule must look for something ----------------------------------------------------------------------

        /// <summary>True when every way the node can hold needs a word or phrase found in the article.</summary>
        private static bool FindsSomething(RuleNode node) => node switch
        {
            PhraseNode or NearNode => true,
            AndNode and => and.Operands.Any(FindsSomething),
            OrNode or => or.Operands.All(FindsSomething),
            _ => false, // NOT, lang:
        };

        private static void CheckFindsSomething(RuleNode root)
        {
            if (FindsSomething(root)) return;
            const string expected = "a word or phrase that is not under NOT";
            if (LooseAlternative(root) is { } loose)
                throw Error(loose.Position, expected,
                    $"The OR alternative at position {loose.Position} looks for no word or phrase (NOT and lang: alone look for none), so the rule would match almost every article. Give that alternative a word or phrase, or move the NOT outside the OR.");
            throw Error(root.Position, expected,
                "The rule needs at least one word or phrase that is not under NOT: NOT, lang: or their combination alone would match almost every article.");
        }

        /// <summary>The first OR alternative, under ANDs and ORs that find nothing, which finds nothing itself.</summary>
        private static RuleNode? LooseAlternative(RuleNode node)
        {
            switch (node)
            {
                case OrNode or:
                    foreach (var alternative in or.Operands)
                        if (!FindsSomething(alternative))
                            return LooseAlternative(alternative) ?? alternative;
                    return null;
                case AndNode and:
                    foreach (var operand in and.Operands)
                        if (LooseAlternative(operand) is { } found)
                            return found;
                    return null;
                default:
                    return null;
            }
        }
    }

    /// <summary>The field prefix in force and where it was written.</summary>
    private readonly record struct Scope(ArticleField Field, int Position);
}

/// <summary>A rule that cannot be parsed or is refused by a limit; <see cref="Position"/> is a character offset.</summary>
public sealed class RuleSyntaxException(int position, string expected, string message) : Exception(message)
{
    public int Position { get; } = position;
    public string Expected { get; } = expected;
}
