-module(app_tokenizer).
-export([main/0]).

%% A tokenizer for a small C-like language, on character lists.
main() ->
    Src = "int main(void) {\n  x = 42 + y1 * (3.5 - z); // comment\n  if (x >= 10 && y != 0) return \"str\\\"ing\";\n  /* block\n comment */ a += 0x1F;\n}\n",
    Toks = tokens(Src, 1, []),
    erlang:display(length(Toks)),
    [erlang:display(T) || T <- Toks],
    erlang:display(count_kinds(Toks)),
    erlang:display(tokens("@", 1, [])),
    ok.

-define(KEYWORDS, ["int", "void", "if", "else", "return", "while"]).

tokens([], _, Acc) -> lists:reverse(Acc);
tokens([$\n | R], L, Acc) -> tokens(R, L + 1, Acc);
tokens([C | R], L, Acc) when C =:= $\s; C =:= $\t -> tokens(R, L, Acc);
tokens("//" ++ R, L, Acc) -> tokens(lists:dropwhile(fun(C) -> C =/= $\n end, R), L, Acc);
tokens("/*" ++ R, L, Acc) -> {R2, L2} = skip_block(R, L), tokens(R2, L2, Acc);
tokens("0x" ++ R, L, Acc) ->
    {Hex, R2} = lists:splitwith(fun(C) -> lists:member(C, "0123456789abcdefABCDEF") end, R),
    tokens(R2, L, [{int, L, list_to_integer(Hex, 16)} | Acc]);
tokens([C | _] = S, L, Acc) when C >= $0, C =< $9 ->
    {Num, R} = lists:splitwith(fun(X) -> (X >= $0 andalso X =< $9) orelse X =:= $. end, S),
    Tok = case lists:member($., Num) of
              true -> {float, L, list_to_float(Num)};
              false -> {int, L, list_to_integer(Num)}
          end,
    tokens(R, L, [Tok | Acc]);
tokens([C | _] = S, L, Acc) when C >= $a, C =< $z; C >= $A, C =< $Z; C =:= $_ ->
    {Id, R} = lists:splitwith(fun(X) -> (X >= $a andalso X =< $z) orelse (X >= $A andalso X =< $Z)
                                        orelse (X >= $0 andalso X =< $9) orelse X =:= $_ end, S),
    Tok = case lists:member(Id, ?KEYWORDS) of
              true -> {keyword, L, list_to_atom(Id)};
              false -> {ident, L, Id}
          end,
    tokens(R, L, [Tok | Acc]);
tokens([$" | R], L, Acc) -> {Str, R2} = string(R, []), tokens(R2, L, [{string, L, Str} | Acc]);
tokens([A, B | R], L, Acc) when [A, B] =:= ">="; [A, B] =:= "<="; [A, B] =:= "=="; [A, B] =:= "!=";
                                [A, B] =:= "&&"; [A, B] =:= "||"; [A, B] =:= "+=" ->
    tokens(R, L, [{op, L, list_to_atom([A, B])} | Acc]);
tokens([C | R], L, Acc) ->
    case lists:member(C, "+-*/=<>(){};,!") of
        true -> tokens(R, L, [{punct, L, list_to_atom([C])} | Acc]);
        false -> [{error, L, {illegal, [C]}} | lists:reverse(Acc)]
    end.

skip_block("*/" ++ R, L) -> {R, L};
skip_block([$\n | R], L) -> skip_block(R, L + 1);
skip_block([_ | R], L) -> skip_block(R, L).

string([$\\, C | R], Acc) -> string(R, [C | Acc]);
string([$" | R], Acc) -> {lists:reverse(Acc), R};
string([C | R], Acc) -> string(R, [C | Acc]).

count_kinds(Toks) ->
    lists:sort(maps:to_list(lists:foldl(fun(T, M) -> maps:update_with(element(1, T), fun(N) -> N + 1 end, 1, M) end, #{}, Toks))).
