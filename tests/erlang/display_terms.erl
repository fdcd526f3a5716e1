-module(display_terms).
-export([main/0]).

main() ->
    Terms = [ok, 'Quoted', 'with space', 'a-b', '', 'ünïcode', [], {}, #{}, <<>>, "",
             "string", "with \"quotes\" and \\ backslash", "ctl\x01\x1f\x7f", [$\e, $\b, $\f, $\v, $\r],
             [1, 2, 3], [a | b], [[], [[]]], {a, {b, {c}}}, <<"text">>, <<1, 2, 3>>, <<"mixed", 0, 200>>,
             <<1:1>>, <<255, 7:3>>, #{a => [1], "k" => {v}}, #{#{} => []}, 123, -456, 1 bsl 100,
             1.0, -1.25, 1.0e-10, 6.02e23, [1.5, -2.5], {1, 2.0, "3", '4', <<"5">>},
             [{k, v} || _ <- [1, 2]], true, false, undefined, '$marker', 'true ', 'and', 'fun',
             list_to_atom("has\nnewline"), [9, 10, 13], "\t\n", [32, 126], [31], [127],
             <<"a\nb">>, {'EXIT', normal}],
    [erlang:display(T) || T <- Terms],
    erlang:display(Terms),
    ok.
