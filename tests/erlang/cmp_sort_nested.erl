-module(cmp_sort_nested).
-export([main/0]).

main() ->
    L = [{person, "bob", 30}, {person, "alice", 25}, {person, "bob", 25.0},
         {person, "alice", 25.0}, {dog, "rex"}, {person, "carol", 1 bsl 65},
         [nested, {list}], {person, "bob", 30.0}, {z}],
    erlang:display(lists:sort(L)),
    erlang:display(lists:usort(L)),
    erlang:display(lists:reverse(lists:sort(L))),
    erlang:display(lists:sort(fun(A, B) -> A >= B end, L)),
    erlang:display(lists:keysort(2, [T || T <- L, tuple_size(T) >= 2])),
    erlang:display(lists:keysort(3, [T || {person, _, _} = T <- L])),
    erlang:display(lists:ukeysort(3, [T || {person, _, _} = T <- L])),
    erlang:display(lists:sort([[3, 2], [3, 1, 1], [2, 9, 9, 9], [3], [], [2 | 9]])),
    erlang:display(lists:sort([{1, [2]}, {1, []}, {1, [1, 5]}, {0, z}])),
    erlang:display(lists:sort([<<"b">>, <<"ab">>, <<"a">>, <<"abc">>, <<>>, <<"B">>])),
    erlang:display(lists:sort(["b", "ab", "a", "abc", "", "B"])),
    ok.
