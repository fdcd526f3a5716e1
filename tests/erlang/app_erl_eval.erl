-module(app_erl_eval).
-export([main/0]).

%% Scans, parses and evaluates Erlang source text with erl_scan, erl_parse
%% and erl_eval (all pure Erlang in stdlib).
main() ->
    erlang:display(parse_term("{tuple, [1, 2.5, \"str\", <<\"bin\">>], #{key => value}}.")),
    erlang:display(parse_term("[a | b].")),
    {ok, Toks, _} = erl_scan:string("X = 1 + 2 * 3, Y = [X, X * X], lists:sum(Y) + length(\"abc\")."),
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
             "(fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end)(15)."],
    [erlang:display({E, eval(E)}) || E <- Exprs],
    erlang:display(eval("1 + a.")),
    erlang:display(eval("Unbound + 1.")),
    erlang:display(erl_scan:string("'unterminated")),
    ok.

parse_term(S) ->
    {ok, Toks, _} = erl_scan:string(S),
    {ok, T} = erl_parse:parse_term(Toks),
    T.

eval(S) ->
    try
        {ok, Toks, _} = erl_scan:string(S),
        {ok, Es} = erl_parse:parse_exprs(Toks),
        {value, V, _} = erl_eval:exprs(Es, erl_eval:new_bindings()),
        {ok, V}
    catch C:R -> {C, R}
    end.
