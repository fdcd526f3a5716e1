-module(app_erl_eval).
-export([main/0]).

%% Parses and evaluates Erlang source text with erl_parse and erl_eval (pure
%% Erlang in stdlib). The tokens come from a scanner written here: erl_scan
%% asks the init process which language features are on, and these programs
%% run without one. Errors that erl_eval raises itself (unbound variables,
%% case_clause) are left out: it builds their stack traces with
%% erlang:process_info/2.
main() ->
    erlang:display(parse_term("{tuple, [1, 2.5, \"str\", <<\"bin\">>], #{key => value}}.")),
    erlang:display(parse_term("[a | b].")),
    Toks = scan("X = 1 + 2 * 3, Y = [X, X * X], lists:sum(Y) + length(\"abc\")."),
    erlang:display(length(Toks)),
    erlang:display([element(1, T) || T <- lists:sublist(Toks, 6)]),
    Exprs = ["1 + 2.", "lists:seq(1, 5).", "[X * 2 || X <- [1, 2, 3], X > 1].",
             "case 5 of N when N > 3 -> big; _ -> small end.",
             "F = fun(A) -> A * 10 end, F(4).",
             "try throw(oops) catch throw:R -> {caught, R} end.",
             "#{a => 1, b => 2}.", "<<1, 2, 3:4>>.", "X = 10, Y = X div 3, {Y, X rem 3}.",
             "lists:foldl(fun(E, Acc) -> E + Acc end, 0, lists:seq(1, 100)).",
             "element(2, {a, b, c}).", "atom_to_list(hello) ++ \"!\".",
             "begin A = 2, B = A bsl 10, B end.", "if 1 > 2 -> no; true -> yes end.",
             "(fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end)(15).",
             "M = #{k => 1}, M#{k := 2, j => 3}.", "[{K, V} || {K, V} <- [{a, 1}, {b, 2}], V > 1].",
             "'quoted atom'.", "-7 div 2.", "not (1 < 2) orelse 3 =:= 3.0."],
    [erlang:display({E, eval(E)}) || E <- Exprs],
    erlang:display(eval("1 + a.")),
    erlang:display(parse_exprs("1 + .")),
    ok.

parse_term(S) ->
    {ok, T} = erl_parse:parse_term(scan(S)),
    T.

parse_exprs(S) ->
    case erl_parse:parse_exprs(scan(S)) of
        {ok, Es} -> {ok, length(Es)};
        {error, {Line, erl_parse, Msg}} -> {error, Line, lists:flatten(erl_parse:format_error(Msg))}
    end.

eval(S) ->
    try
        {ok, Es} = erl_parse:parse_exprs(scan(S)),
        {value, V, _} = erl_eval:exprs(Es, erl_eval:new_bindings()),
        {ok, V}
    catch C:R -> {C, R}
    end.

%% A scanner for the subset of Erlang used above, on line 1.
scan([]) -> [];
scan([C | T]) when C =:= $\s; C =:= $\n -> scan(T);
scan([C | _] = S) when C >= $0, C =< $9 ->
    {Digits, Rest} = lists:splitwith(fun is_digit/1, S),
    case Rest of
        [$., D | Rest2] when D >= $0, D =< $9 ->
            {Frac, Rest3} = lists:splitwith(fun is_digit/1, [D | Rest2]),
            [{float, 1, list_to_float(Digits ++ "." ++ Frac)} | scan(Rest3)];
        _ -> [{integer, 1, list_to_integer(Digits)} | scan(Rest)]
    end;
scan([C | _] = S) when C >= $a, C =< $z ->
    {Name, Rest} = lists:splitwith(fun is_name/1, S),
    A = list_to_atom(Name),
    Tok = case lists:member(A, reserved()) of
              true -> {A, 1};
              false -> {atom, 1, A}
          end,
    [Tok | scan(Rest)];
scan([C | _] = S) when C >= $A, C =< $Z; C =:= $_ ->
    {Name, Rest} = lists:splitwith(fun is_name/1, S),
    [{var, 1, list_to_atom(Name)} | scan(Rest)];
scan([$" | T]) ->
    {Str, Rest} = quoted(T, $", []),
    [{string, 1, Str} | scan(Rest)];
scan([$' | T]) ->
    {Name, Rest} = quoted(T, $', []),
    [{atom, 1, list_to_atom(Name)} | scan(Rest)];
scan([$., C | T]) when C =:= $\s; C =:= $\n -> [{dot, 1} | scan(T)];
scan(".") -> [{dot, 1}];
scan(S) -> symbol(S, symbols()).

symbol(S, [Sym | Syms]) ->
    case lists:prefix(Sym, S) of
        true -> [{list_to_atom(Sym), 1} | scan(lists:nthtail(length(Sym), S))];
        false -> symbol(S, Syms)
    end.

quoted([Q | T], Q, Acc) -> {lists:reverse(Acc), T};
quoted([$\\, C | T], Q, Acc) -> quoted(T, Q, [C | Acc]);
quoted([C | T], Q, Acc) -> quoted(T, Q, [C | Acc]).

is_digit(C) -> C >= $0 andalso C =< $9.
is_name(C) -> (C >= $a andalso C =< $z) orelse (C >= $A andalso C =< $Z) orelse is_digit(C) orelse C =:= $_.

reserved() ->
    ['after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr', 'bxor', 'case', 'catch',
     'div', 'end', 'fun', 'if', 'not', 'of', 'or', 'orelse', 'receive', 'rem', 'try', 'when', 'xor'].

%% Longest first.
symbols() ->
    ["=:=", "=/=", "<<", ">>", "<-", "<=", "->", "=>", ":=", "||", "++", "--", "==", "/=", "=<", ">=",
     "(", ")", "[", "]", "{", "}", ",", ";", ":", "|", "+", "-", "*", "/", "=", "<", ">", "#", "."].
