-module(string_as_list).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = id("Hello, World!"),
    erlang:display(S),
    erlang:display(length(S)),
    erlang:display([C || C <- S, C >= $A, C =< $Z]),
    erlang:display(upper(S)),
    erlang:display(lists:reverse(S)),
    erlang:display(caesar(S, 3)),
    erlang:display(caesar(caesar(S, 3), 23)),
    erlang:display(count_chars("mississippi")),
    erlang:display(is_palindrome("A man, a plan, a canal: Panama")),
    erlang:display(is_palindrome("not one")),
    erlang:display([$a, $\n, $\t, $\\, $", 0, 127, 255]),
    erlang:display("tab\there\nnewline \"quoted\" back\\slash"),
    erlang:display([1, 2, 3]),
    erlang:display([$a, 200, $b]),
    erlang:display([$a, 256, $b]),
    erlang:display([1000, 2000]),
    erlang:display("üñí"),
    erlang:display(integer_to_list(12345) ++ "abc"),
    erlang:display(string:to_integer("42abc")),
    erlang:display(list_to_integer(lists:reverse(integer_to_list(12345)))),
    erlang:display(join(["usr", "local", "bin"], "/")),
    erlang:display(lists:sort(["pear", "Apple", "fig", "apple", "Fig"])),
    ok.

upper(S) -> [if C >= $a, C =< $z -> C - 32; true -> C end || C <- S].

caesar(S, N) -> [shift(C, N) || C <- S].
shift(C, N) when C >= $a, C =< $z -> $a + (C - $a + N) rem 26;
shift(C, N) when C >= $A, C =< $Z -> $A + (C - $A + N) rem 26;
shift(C, _) -> C.

count_chars(S) -> lists:foldl(fun(C, Acc) -> orddict:update_counter(C, 1, Acc) end, [], S).

is_palindrome(S) ->
    Clean = [C bor 32 || C <- S, (C >= $a andalso C =< $z) orelse (C >= $A andalso C =< $Z)],
    Clean =:= lists:reverse(Clean).

join([], _) -> [];
join([X], _) -> X;
join([X | T], Sep) -> X ++ Sep ++ join(T, Sep).
